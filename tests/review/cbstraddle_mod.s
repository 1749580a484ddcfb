# cbstraddle_mod.s: the module's one function (see cbstraddle.s).
        .text
        .p2align 4, 0xcc
        .globl ping
        .type ping,@function
ping:
        movl $42, %eax
        ret
        .section .note.GNU-stack,"",@progbits
