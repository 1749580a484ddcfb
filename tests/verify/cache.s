# cache.s: the verifier's decoding cache must not carry a verdict from one
# instruction to another with the same bytes outside the masked fields
# (see "the decoding cache" in verify.c). Each snippet repeats a form that
# is accepted, then uses it once with a value that must be refused.

#= fail stack cached-sub-rsp-then-too-big
FUNC f
        subq $0x1000, %rsp
        addq $0x1000, %rsp
        subq $0x1000, %rsp
        addq $0x1000, %rsp
        subq $0x20000, %rsp
        addq $0x20000, %rsp
        ret

#= fail indirect cached-mask-then-wrong-mask
FUNC f
        leaq __start_sfi_jt(%rip), %r11
        subq %r11, %rax
        andl $0xf0, %eax
        addq %r11, %rax
        call *%rax
        leaq __start_sfi_jt(%rip), %r11
        subq %r11, %rax
        andl $0xf0, %eax
        addq %r11, %rax
        call *%rax
        leaq __start_sfi_jt(%rip), %r11
        subq %r11, %rax
        andl $0x7ffffff0, %eax
        addq %r11, %rax
        call *%rax
        ret

#= fail memory cached-frame-access-then-above-frame
FUNC f
        subq $16, %rsp
        movq %rax, 8(%rsp)
        movq %rax, 8(%rsp)
        movq %rax, 16(%rsp)
        addq $16, %rsp
        ret

#= fail memory cached-rip-then-outside-image
FUNC f
        movq data(%rip), %rax
        movq data(%rip), %rax
        movq .+0x10000000(%rip), %rax
        ret
        .data
data:   .quad 1

#= fail branch cached-jcc-then-bad-target
FUNC f
        testl %eax, %eax
        je 1f
        je 1f
1:      je 1b+1
        ret

#= fail indirect cached-slot-then-not-a-slot
FUNC f
        pushq %rax
        call *imp@GOTPCREL(%rip)
        call *imp@GOTPCREL(%rip)
        call *data(%rip)
        popq %rax
        ret
        .data
data:   .quad 0

#= pass cached-gs-displacements-and-immediates
FUNC f
        movl %gs:16(%edi), %eax
        movl %gs:0x12345(%edi), %eax
        movl $1, %gs:8(%ecx)
        movl $0x7fffffff, %gs:0x40(%ecx)
        cmpl $3, %eax
        cmpl $0x10000, %eax
        ret

#= fail memory cached-gs-then-64bit
FUNC f
        movl %gs:16(%edi), %eax
        movl %gs:16(%edi), %eax
        movl %gs:16(%rdi), %eax
        ret
