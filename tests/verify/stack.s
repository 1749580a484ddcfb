# stack.s: rule "stack" (static %rsp offset) and the %rsp frame operands of
# rule "memory".

#= pass frame-access-inside
FUNC f
        pushq %rbx
        subq $24, %rsp
        movq %rax, 16(%rsp)
        movq (%rsp), %rax
        movl 28(%rsp), %eax
        addq $24, %rsp
        popq %rbx
        ret

#= fail memory frame-access-above-return-address
FUNC f
        subq $16, %rsp
        movq 16(%rsp), %rax
        addq $16, %rsp
        ret

#= fail memory frame-access-return-address-at-offset-0
FUNC f
        movq (%rsp), %rax
        ret

#= fail memory frame-access-negative-redzone
FUNC f
        movq %rax, -8(%rsp)
        ret

#= fail memory rsp-with-index
FUNC f
        subq $64, %rsp
        movq (%rsp,%rcx,8), %rax
        addq $64, %rsp
        ret

#= fail memory wide-access-straddles-frame-top
FUNC f
        subq $16, %rsp
        vmovdqu %ymm0, (%rsp)
        addq $16, %rsp
        ret

#= pass lea-rsp-adjust
FUNC f
        leaq -32(%rsp), %rsp
        movq %rax, 24(%rsp)
        leaq 32(%rsp), %rsp
        ret

#= pass push-memory-rsp-inside
FUNC f
        subq $16, %rsp
        pushq 8(%rsp)
        popq %rax
        addq $16, %rsp
        ret

#= fail memory pop-into-rsp-operand
FUNC f
        subq $16, %rsp
        pushq %rax
        popq 8(%rsp)
        addq $16, %rsp
        ret

#= fail stack pop-at-offset-0
FUNC f
        popq %rax
        ret

#= fail stack ret-with-nonzero-offset
FUNC f
        pushq %rbx
        ret

#= fail stack ret-imm16
FUNC f
        ret $8

#= fail stack add-below-zero
FUNC f
        addq $8, %rsp
        ret

#= fail stack frame-bigger-than-max
FUNC f
        subq $0x20000, %rsp
        addq $0x20000, %rsp
        ret

#= pass frame-at-max
FUNC f
        subq $0x10000, %rsp
        movq %rax, 0xfff8(%rsp)
        addq $0x10000, %rsp
        ret

#= fail stack mismatched-offsets-at-join
FUNC f
        testl %edi, %edi
        je 1f
        pushq %rax
1:      popq %rax
        ret

#= pass trap-shared-by-two-offsets
FUNC f
        testl %edi, %edi
        je 1f
        pushq %rax
        testl %esi, %esi
        je 2f
        popq %rax
        ret
1:      testl %esi, %esi
        je 2f
        ret
2:      ud2

#= pass consistent-join
FUNC f
        pushq %rbx
        testl %edi, %edi
        je 1f
        movl $1, %eax
        jmp 2f
1:      movl $2, %eax
2:      popq %rbx
        ret

#= fail stack mov-to-rsp
FUNC f
        movq %rax, %rsp
        ret

#= fail stack and-rsp-realign
FUNC f
        andq $-16, %rsp
        ret

#= fail forbidden leave
FUNC f
        pushq %rbp
        movq %rsp, %rbp
        leave
        ret

#= fail forbidden enter
FUNC f
        enter $16, $0
        ret

#= fail stack pop-rsp
FUNC f
        pushq %rax
        popq %rsp
        ret

#= fail stack xchg-rsp
FUNC f
        xchgq %rax, %rsp
        ret

#= fail stack sub-esp-32bit
FUNC f
        subl $8, %esp
        ret

#= fail stack fallthrough-into-next-function-nonzero
FUNC f
        pushq %rax
        call g
        .p2align 4, 0x90
FUNC g
        ret

#= pass fallthrough-into-next-function-at-0
FUNC f
        call g
        .p2align 4, 0x90
FUNC g
        ret

#= fail stack falls-off-code-end nojt
FUNC f
        call f

#= pass call-keeps-offset-and-trap-ends-path
FUNC f
        pushq %rbx
        call g
        movq %rax, (%rsp)
        popq %rbx
        ret
FUNC g
        pushq %rax
        ud2

# Code no path reaches never runs (control enters only at function starts
# and after reached calls), so its %rsp operands have no offset to check;
# -O0 code generation leaves such blocks. Other rules still apply to it.
#= pass unreachable-rsp-access
FUNC f
        ret
        movq (%rsp), %rax
        ret

#= fail forbidden unreachable-syscall
FUNC f
        ret
        syscall
        ret

#= fail stack jcc-to-function-at-nonzero-offset
FUNC f
        pushq %rax
        testl %eax, %eax
        jne g
        popq %rax
        ret
FUNC g
        ret

#= pass tail-jump-at-0
FUNC f
        pushq %rax
        popq %rax
        jmp g
FUNC g
        ret

#= pass pushfq-and-16bit-push
FUNC f
        pushfq
        pushw $1
        popw %ax
        addq $8, %rsp
        ret
