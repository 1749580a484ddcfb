# forbidden.s: rule "forbidden" (the instruction whitelist).

#= pass ordinary-integer-sse-avx-x87
FUNC f
        addl %esi, %edi
        imulq %rsi, %rdi
        cmovneq %rcx, %rax
        sete %al
        shlq $3, %rax
        btsq %rcx, %rax
        bswapl %eax
        cqto
        idivq %rcx
        lzcntq %rax, %rcx
        tzcntq %rax, %rcx
        popcntq %rax, %rcx
        andnq %rax, %rcx, %rdx
        pextq %rax, %rcx, %rdx
        cvtsi2sdq %rax, %xmm0
        addsd %xmm1, %xmm0
        pshufb %xmm1, %xmm0
        vpaddd %ymm1, %ymm2, %ymm3
        vpaddd %zmm1, %zmm2, %zmm3
        kmovw %k1, %eax
        vfmadd231ps %ymm1, %ymm2, %ymm3
        vzeroupper
        fld1
        faddp %st, %st(1)
        fstp %st(0)
        cld
        std
        pause
        lfence
        mfence
        sfence
        cpuid
        rdtsc
        rdtscp
        xgetbv
        endbr64
        ret

#= fail forbidden syscall
FUNC f
        syscall
        ret

#= fail forbidden sysenter
FUNC f
        sysenter
        ret

#= fail forbidden int-0x80
FUNC f
        int $0x80
        ret

#= fail forbidden int1
FUNC f
        .byte 0xf1
        ret

#= fail forbidden iretq
FUNC f
        iretq

#= fail forbidden lret
FUNC f
        lret

#= fail forbidden far-call-memory
FUNC f
        lcall *%gs:(%eax)
        ret

#= fail forbidden far-jmp-memory
FUNC f
        ljmp *%gs:(%eax)

#= fail forbidden wrgsbase
FUNC f
        wrgsbase %rax
        ret

#= fail forbidden wrfsbase
FUNC f
        wrfsbase %rax
        ret

#= fail forbidden rdgsbase
FUNC f
        rdgsbase %rax
        ret

#= fail forbidden swapgs
FUNC f
        swapgs
        ret

#= fail forbidden mov-to-segment
FUNC f
        movw %ax, %ds
        ret

#= fail forbidden mov-to-gs
FUNC f
        movw %ax, %gs
        ret

#= fail forbidden pop-fs
FUNC f
        pushq %rax
        popq %fs
        ret

#= fail forbidden push-fs
FUNC f
        pushq %fs
        popq %rax
        ret

#= fail forbidden lgs
FUNC f
        lgs %gs:(%eax), %eax
        ret

#= fail forbidden rep-movsb
FUNC f
        rep movsb
        ret

#= fail forbidden stosq
FUNC f
        stosq
        ret

#= fail forbidden cmpsb
FUNC f
        cmpsb
        ret

#= fail forbidden scasb
FUNC f
        repne scasb
        ret

#= fail forbidden lodsb
FUNC f
        lodsb
        ret

#= fail forbidden insb
FUNC f
        insb
        ret

#= fail forbidden outsb
FUNC f
        outsb
        ret

#= fail forbidden xlat
FUNC f
        xlat
        ret

#= fail forbidden popf
FUNC f
        pushfq
        popfq
        ret

#= fail forbidden maskmovq
FUNC f
        maskmovq %mm1, %mm0
        ret

#= fail forbidden maskmovdqu
FUNC f
        maskmovdqu %xmm1, %xmm0
        ret

#= fail forbidden vmaskmovdqu
FUNC f
        vmaskmovdqu %xmm1, %xmm0
        ret

#= fail forbidden xbegin
FUNC f
        xbegin 1f
1:      ret

#= fail forbidden xend
FUNC f
        xend
        ret

#= fail forbidden xabort
FUNC f
        xabort $1
        ret

#= fail forbidden xsave
FUNC f
        xsave %gs:(%eax)
        ret

#= fail forbidden xrstor
FUNC f
        xrstor %gs:(%eax)
        ret

#= fail forbidden fxrstor
FUNC f
        fxrstor %gs:(%eax)
        ret

#= fail forbidden wrpkru
FUNC f
        wrpkru
        ret

#= fail forbidden umonitor
FUNC f
        umonitor %rax
        ret

#= fail forbidden umwait
FUNC f
        umwait %eax
        ret

#= fail forbidden tpause
FUNC f
        tpause %eax
        ret

#= fail forbidden monitor
FUNC f
        monitor
        ret

#= fail forbidden mwait
FUNC f
        mwait
        ret

#= fail forbidden movdir64b
FUNC f
        movdir64b %gs:(%eax), %eax
        ret

#= fail forbidden enqcmd
FUNC f
        enqcmd %gs:(%eax), %eax
        ret

#= fail forbidden mpx-bndmk
FUNC f
        .byte 0xf3, 0x0f, 0x1b, 0x00
        ret

#= fail forbidden bnd-prefix-on-ret
FUNC f
        .byte 0xf2, 0xc3

#= fail forbidden hlt
FUNC f
        hlt
        ret

#= fail forbidden in-out
FUNC f
        inb $0x80, %al
        ret

#= fail forbidden cli
FUNC f
        cli
        ret

#= fail forbidden rdmsr
FUNC f
        rdmsr
        ret

#= fail forbidden gather
FUNC f
        vpgatherdd %xmm2, %gs:(%eax,%xmm1,4), %xmm0
        ret

#= fail forbidden scatter
FUNC f
        vpscatterdd %zmm0, %gs:(%eax,%zmm1,4) {%k1}
        ret

#= fail forbidden clzero
FUNC f
        clzero
        ret

#= fail forbidden wrss-cet
FUNC f
        wrssq %rax, %gs:(%eax)
        ret

#= fail forbidden tileloadd-amx
FUNC f
        tileloadd %gs:(%eax,%ecx,1), %tmm0
        ret

#= fail forbidden operand-size-prefix-on-jmp
FUNC f
        .byte 0x66, 0xe9, 0x00, 0x00
        ret

#= fail decode undefined-opcode
FUNC f
        .byte 0x0f, 0x04
        ret

#= pass traps
FUNC f
        int3
FUNC g
        ud2
FUNC h
        ud1 0x51(%eax), %eax

#= fail memory fs-then-gs-prefix
FUNC f
        .byte 0x64, 0x65, 0x67, 0x8b, 0x07
        ret

#= fail forbidden gs-then-cs-prefix
FUNC f
        .byte 0x65, 0x2e, 0x67, 0x8b, 0x07
        ret

#= fail forbidden rex-before-legacy-prefix
FUNC f
        .byte 0x48, 0x65, 0x67, 0x8b, 0x07
        ret

#= pass repeated-cs-padding-prefixes
FUNC f
        .byte 0x2e, 0x2e, 0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00
        .byte 0x65, 0x65, 0x67, 0x8b, 0x07
        ret
