# review.s: must-fail snippets found by the adversarial review (branch
# review). bt/bts/btr/btc with a REGISTER bit offset and a memory operand
# address operand + (bitoffset >> 3): a signed 64-bit offset the operand
# checks do not see. With %gs: and 0x67 the CPU truncates the whole address
# to 32 bits (contained), with %rsp or %rip it does not.

#= fail memory bts-reg-rsp-frame-reaches-return-address
FUNC f
        subq $8, %rsp
        movl $64, %eax
        btsq %rax, (%rsp)
        addq $8, %rsp
        ret

#= fail memory btr-reg-rip-reaches-host
FUNC f
        btrq %rdi, cell(%rip)
        ret
        .data
cell:   .quad 0

#= fail memory btc-reg-rsp-32bit
FUNC f
        subq $8, %rsp
        btcl %eax, (%rsp)
        addq $8, %rsp
        ret

#= fail memory bt-reg-rsp-read
FUNC f
        subq $8, %rsp
        btq %rax, (%rsp)
        addq $8, %rsp
        ret

#= pass bts-imm-rsp-in-frame
FUNC f
        subq $8, %rsp
        btsq $63, (%rsp)
        addq $8, %rsp
        ret

#= pass bts-reg-gs32-truncated
FUNC f
        btsq %rax, %gs:(%edi)
        ret
