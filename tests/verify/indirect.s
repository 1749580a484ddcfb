# indirect.s: rule "indirect" (the confinement sequence, import slots).

#= pass confined-call-and-tail-jump
FUNC f
        pushq %rbx
        leaq __start_sfi_jt(%rip), %r11
        subq %r11, %rax
        andl $0xf0, %eax
        addq %r11, %rax
        call *%rax
        popq %rbx
        leaq __start_sfi_jt(%rip), %rcx
        subq %rcx, %rdi
        andl $0xf0, %edi
        addq %rcx, %rdi
        jmp *%rdi
FUNC g
        ret
        JT g

#= pass import-call-and-tail-jump-through-got
FUNC f
        pushq %rax
        call *imp@GOTPCREL(%rip)
        popq %rax
        jmp *imp2@GOTPCREL(%rip)

#= fail stack confined-tail-jump-at-nonzero-offset
FUNC f
        pushq %rbx
        leaq __start_sfi_jt(%rip), %rcx
        subq %rcx, %rdi
        andl $0xf0, %edi
        addq %rcx, %rdi
        jmp *%rdi

#= fail indirect bare-call-register
FUNC f
        call *%rax
        ret

#= fail indirect call-memory-not-import
FUNC f
        call *%gs:(%eax)
        ret

#= fail indirect call-rip-not-import-slot
FUNC f
        call *data(%rip)
        ret
        .data
data:   .quad 0

#= fail indirect wrong-and-mask
FUNC f
        leaq __start_sfi_jt(%rip), %r11
        subq %r11, %rax
        andl $0x1f0, %eax
        addq %r11, %rax
        call *%rax
        ret

#= fail indirect and-64bit-instead-of-32
FUNC f
        leaq __start_sfi_jt(%rip), %r11
        subq %r11, %rax
        andq $0xf0, %rax
        addq %r11, %rax
        call *%rax
        ret

#= fail indirect wrong-lea-target
FUNC f
        leaq __start_sfi_jt+16(%rip), %r11
        subq %r11, %rax
        andl $0xf0, %eax
        addq %r11, %rax
        call *%rax
        ret

#= fail indirect scratch-equals-target
FUNC f
        leaq __start_sfi_jt(%rip), %rax
        subq %rax, %rax
        andl $0xf0, %eax
        addq %rax, %rax
        call *%rax
        ret

#= fail indirect register-mismatch
FUNC f
        leaq __start_sfi_jt(%rip), %r11
        subq %r11, %rax
        andl $0xf0, %ecx
        addq %r11, %rax
        call *%rax
        ret

#= fail indirect missing-sub
FUNC f
        leaq __start_sfi_jt(%rip), %r11
        andl $0xf0, %eax
        addq %r11, %rax
        call *%rax
        ret

#= fail indirect extra-instruction-inside
FUNC f
        leaq __start_sfi_jt(%rip), %r11
        subq %r11, %rax
        andl $0xf0, %eax
        nop
        addq %r11, %rax
        call *%rax
        ret

#= fail indirect sequence-split-by-function-start
FUNC f
        leaq __start_sfi_jt(%rip), %r11
        subq %r11, %rax
FUNC g
        andl $0xf0, %eax
        addq %r11, %rax
        call *%rax
        ret

#= fail indirect call-rsp
FUNC f
        call *%rsp
        ret

#= fail indirect jmp-memory-rsp
FUNC f
        pushq %rax
        jmp *(%rsp)

#= fail indirect no-table nojt
FUNC f
        leaq f(%rip), %r11
        subq %r11, %rax
        andl $0xfffffff0, %eax
        addq %r11, %rax
        call *%rax
        ret
