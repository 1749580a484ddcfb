# state.s: which register state beyond the general, SSE and AVX (ymm0-15)
# registers a module's code can touch (SFI_USES_*): the transitions clear
# x87/MMX and AVX-512 registers only for a module that can observe them
# (runtime/enter.S, runtime/thunk.c), so missing one instruction here lets
# a sandbox read host data. Each form is a separate snippet so that one
# form alone must raise the flag.

#= pass plain-sse-avx2 uses=none
FUNC f
        addl    $1, %eax
        movdqa  %xmm1, %xmm2
        vpaddd  %ymm1, %ymm2, %ymm3
        vzeroupper
        ret

#= pass x87-fld uses=x87
FUNC f
        fldz
        fstp    %st(0)
        ret

#= pass x87-fnstcw-only uses=x87
FUNC f
        sub     $16, %rsp
        fnstcw  (%rsp)
        add     $16, %rsp
        ret

#= pass x87-fnstsw-ax uses=x87
FUNC f
        fnstsw  %ax
        ret

#= pass x87-fwait uses=x87
FUNC f
        fwait
        ret

#= pass x87-fcmov uses=x87
FUNC f
        fcmovb  %st(1), %st(0)
        ret

#= pass mmx-movq uses=x87
FUNC f
        movq    %mm7, %rax
        ret

#= pass mmx-emms uses=x87
FUNC f
        emms
        ret

#= pass sse-with-mmx-operand uses=x87
FUNC f
        cvtpi2ps %mm0, %xmm0
        ret

#= pass sse-movdq2q uses=x87
FUNC f
        movdq2q %xmm1, %mm1
        ret

#= pass avx512-evex-xmm16 uses=avx512
FUNC f
        vpxord  %xmm16, %xmm16, %xmm16
        ret

#= pass avx512-evex-low-regs uses=avx512
FUNC f
        vpaddd  %xmm1, %xmm2, %xmm3{%k1}
        ret

#= pass avx512-evex-zmm uses=avx512
FUNC f
        vmovdqu64 %zmm1, %zmm2
        ret

#= pass avx512-kmov uses=avx512
FUNC f
        kmovw   %k7, %eax
        ret

#= pass avx512-kxor uses=avx512
FUNC f
        kxorw   %k1, %k2, %k3
        ret

#= pass avx512-kshift uses=avx512
FUNC f
        kshiftrw $1, %k0, %k0
        ret

#= pass avx512-kortest uses=avx512
FUNC f
        kortestw %k1, %k1
        ret

#= pass both uses=x87+avx512
FUNC f
        fldz
        fstp    %st(0)
        kmovw   %k1, %eax
        ret

#= pass unreached-x87-counts-too uses=x87
FUNC f
        ret
        fldz
        ret

#= pass xgetbv-reads-xinuse uses=x87+avx512
FUNC f
        mov     $1, %ecx
        xgetbv
        ret
