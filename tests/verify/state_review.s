# state_review.s (review of call4): forms tried against SFI_USES_* that the
# verifier gets right (kept as regression tests). An MMX-register form of
# an SSE conversion raises x87, its memory form does not touch x87 state on
# the hardware (checked: no TOP/tag change, no #MF with a pending
# exception) and stays none; MMX hidden in an immediate and reached by a
# jump into the middle of the instruction is refused; the same opcode with
# different immediates (cache key fields) keeps its flag; the fast-path
# forms next to their MMX twins; VEX k-register forms; xtest/rdtscp none.

#= pass cvtpi2ps-mm uses=x87
FUNC f
        cvtpi2ps %mm1, %xmm0
        ret

#= pass cvtpi2ps-mem-readonly uses=none stores-only
FUNC f
        cvtpi2ps (%rdi), %xmm0
        cvtpi2pd (%rdi), %xmm0
        ret

#= fail branch mmx-hidden-in-immediate
FUNC f
        jmp     1f+1
1:      movl    $0xc07e0f90, %eax   # bytes b8 90 0f 7e c0: nop; movd %mm0,%eax
        ret

#= pass pshufw-after-pshufd-cache uses=x87
FUNC f
        .rept 40
        pshufd  $1, %xmm1, %xmm2
        .endr
        .rept 40
        pshufd  $2, %xmm1, %xmm2
        .endr
        pshufw  $3, %mm1, %mm2
        ret

#= pass pextrw-mmx-after-xmm uses=x87
FUNC f
        .rept 40
        pextrw  $1, %xmm1, %eax
        .endr
        pextrw  $2, %mm1, %eax
        ret

#= pass movq2dq uses=x87
FUNC f
        movq2dq %mm1, %xmm0
        ret

#= pass movdq2q uses=x87
FUNC f
        movdq2q %xmm0, %mm1
        ret

#= pass vex-kmovw-gpr uses=avx512
FUNC f
        kmovw   %eax, %k1
        ret

#= pass vex-kortest uses=avx512
FUNC f
        kortestw %k0, %k0
        ret

#= pass xtest-rdtscp uses=none
FUNC f
        xtest
        rdtscp
        ret

#= fail forbidden fxsave64
FUNC f
        fxsave64 %gs:(%eax)
        ret

#= fail forbidden xsaveopt
FUNC f
        xsaveopt %gs:(%eax)
        ret
