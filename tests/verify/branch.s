# branch.s: rule "branch" (direct call/jmp/jcc targets).

#= pass call-function-start
FUNC f
        call g
        ret
FUNC g
        ret

#= fail branch call-into-middle-of-function
FUNC f
        call g+1
        ret
FUNC g
        nop
        ret

#= pass call-table-entry
FUNC f
        call __start_sfi_jt+16
        ret
FUNC g
        ret
        JT g

#= fail branch call-inside-table-entry
FUNC f
        call __start_sfi_jt+17
        ret
FUNC g
        ret
        JT g

#= fail branch jmp-not-instruction-boundary
FUNC f
        jmp 1f+1
1:      movl $1, %eax
        ret

#= fail branch jmp-into-other-function-middle
FUNC f
        jmp g+1
FUNC g
        nop
        ret

#= fail branch jmp-outside-code
FUNC f
        jmp .+0x100000
        ret

#= fail branch call-outside-code
FUNC f
        call .-0x1000
        ret

#= pass loops-and-jrcxz
FUNC f
        movl $4, %ecx
1:      decl %eax
        loop 1b
        jrcxz 2f
2:      ret

#= pass recursion-call-own-start
FUNC f
        testl %edi, %edi
        je 1f
        decl %edi
        call f
1:      ret

#= fail branch jmp-into-confinement-sequence
FUNC f
        testl %edi, %edi
        jne 1f
        leaq __start_sfi_jt(%rip), %r11
        subq %r11, %rax
1:      andl $0xf0, %eax
        addq %r11, %rax
        call *%rax
        ret

#= fail branch jmp-to-confined-call-itself
FUNC f
        testl %edi, %edi
        jne 1f
        leaq __start_sfi_jt(%rip), %r11
        subq %r11, %rax
        andl $0xf0, %eax
        addq %r11, %rax
1:      call *%rax
        ret

#= pass jmp-to-confinement-start
FUNC f
        testl %edi, %edi
        jne 1f
        nop
1:      leaq __start_sfi_jt(%rip), %r11
        subq %r11, %rax
        andl $0xf0, %eax
        addq %r11, %rax
        call *%rax
        ret
