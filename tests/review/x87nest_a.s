# x87nest_a.s: the x87-using module of x87nest. probe() calls the granted
# host import run_b, in which the host calls x87nest_b.so (another module,
# x87-free: its return skips X87_INIT); back from the import (which returns
# straight into this module: nothing resets the x87 state on that way) it
# stores %mm0-%mm7, the physical x87 registers' mantissas, into buf and
# returns buf's address.
        .text
        .p2align 4, 0xcc
        .globl probe
        .type probe,@function
probe:
        subq $8, %rsp
        call *run_b@GOTPCREL(%rip)
        addq $8, %rsp
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
