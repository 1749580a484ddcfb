# mmxleak.s: dump() reads %mm0-%mm7 as the sandbox finds them: the x87
# register contents (mantissas) the host left are never cleared by
# sfi__enter (emms/fninit only touch tags/control). mmxleak_host.c loads a
# secret into the x87 unit and finds it (normalised) in %mm7.
        .text
        .p2align 4, 0xcc
        .globl dump
        .type dump,@function
dump:
        leaq buf(%rip), %rax
        .irp r, 0,1,2,3,4,5,6,7
        movq %mm\r, %gs:8*\r(%eax)
        .endr
        emms
        ret
        .bss
        .p2align 6
buf:    .zero 64
        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
