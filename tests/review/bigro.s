# bigro.s: with bigro_patch.py the module gets one more PT_LOAD, read-only,
# 768 MiB of memsz and no file data (it becomes a hole in the module's
# memfd). mem_limit counts only writable pages, but reading a hole of a
# shared memfd mapping allocates a real shmem page: touch(base) reads one
# byte per page and makes 768 MiB resident under a 16 MiB mem_limit
# (bigro_host.c prints the host's RssShmem).
        .text
        .p2align 4, 0xcc
        .globl touch
        .type touch,@function
touch:                              # rdi = first byte, esi = pages
        movl %edi, %eax
1:
        movb %gs:(%eax), %cl
        addl $4096, %eax
        decl %esi
        jnz 1b
        ret

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
