# decode.s: rule "decode" (every byte decodes; nothing crosses a range end
# or a function start).

#= pass padding-nops-and-int3
FUNC f
        ret
        .p2align 5, 0x90
FUNC g
        ret
        .p2align 5, 0xcc

#= fail decode instruction-across-function-start
FUNC f
        .byte 0x48, 0xb8, 1, 2, 3
        .globl g
        .type g,@function
g:
        .byte 4, 5, 6, 7, 8
        ret

#= fail decode undecodable
FUNC f
        .byte 0xd6
        ret

#= fail decode truncated-at-code-end nojt
FUNC f
        ret
        .byte 0x48, 0xb8, 1, 2
