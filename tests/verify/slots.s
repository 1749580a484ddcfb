# slots.s: rule "branch"/"indirect" for jumps inside a function (switch
# tables, computed goto): and $N-1,%eI; lea slots(%rip),%S;
# lea (%S,%rI,8),%R; jmp *%R into N 8-byte slots of the same function.

#= pass branch-slots
FUNC f
        pushq %rbx
        andl $3, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
.La:    popq %rbx
        ret
.Lb:    movl $1, %eax
        popq %rbx
        ret
        .p2align 3
.Ls:    jmp .La
        .p2align 3
        jmp .Lb
        .p2align 3
        jmp .La
        .p2align 3
        ud2

#= pass branch-slots-index-is-target
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdi
        jmpq *%rdi
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= pass branch-slots-rbp-base
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rbp
        leaq (%rbp,%rdi,8), %rdi
        jmpq *%rdi
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect slots-without-and
FUNC f
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect slots-mask-not-power-of-two-minus-one
FUNC f
        andl $2, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret
        .p2align 3
        ret

#= fail indirect slots-mask-too-large
FUNC f
        andl $0x1ffff, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
.Ls:    ret

#= fail indirect slots-index-is-base
FUNC f
        andl $1, %edx
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdx,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect slots-masked-other-register
FUNC f
        andl $1, %esi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect slots-wrong-scale
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,4), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect slots-jump-other-register
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rcx
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect slots-sequence-interrupted
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        movl %esi, %edi
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail branch slots-past-function-end
FUNC f
        andl $3, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret
FUNC g
        ret

#= fail branch slots-into-other-function
FUNC g
        .p2align 3
.Ls:    ret
        .p2align 3
        ret
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax

#= fail branch slot-inside-instruction
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    movabsq $0x1122334455667788, %rax
        ret

#= fail branch slot-inside-the-sequence
FUNC f
        .p2align 3
.Ls:    andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax

#= fail branch jump-past-the-and
FUNC f
        testl %esi, %esi
        jne .Lin
        andl $1, %edi
.Lin:   leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail stack slot-reached-with-two-offsets
FUNC f
        pushq %rbx
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    popq %rbx
        ret
        .p2align 3
        ret

#= fail branch slots-into-the-jump-table
FUNC f
        andl $1, %edi
        leaq __start_sfi_jt(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        JT f

#= fail branch slot-on-the-masked-lea
FUNC f
        .p2align 3
.Ls:    nopl 0x10(%rax,%rax,1)
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
