# sspargs.s: the runtime puts the arguments of an sfi_call that do not fit
# in registers (more than six integer or eight floating-point ones) at
# (__sfi_ssp - size) & ~15, checking only buf >= shadow_lo && buf <= ssp
# (call.c, sfi__call_raw). __sfi_ssp is sandbox-writable data: setssp(v)
# stores v there, and the host's next call with seven integer arguments
# writes arguments 6 and 7 to any address above the shadow stack's bottom:
# the host stack, libraries, other instances' regions, mmap'd pages.
# sfi__call_raw restores __sfi_ssp when a call returns, so the value must
# be live during a nested call: attack(v) sets it and calls a host import
# that calls back into the sandbox (seven, with seven arguments).
        .text
        .p2align 4, 0xcc
        .globl setssp
        .type setssp,@function
setssp:
        movq %rdi, __sfi_ssp(%rip)
        ret

        .p2align 4, 0xcc
        .globl attack
        .type attack,@function
attack:
        subq $8, %rsp
        movq %rdi, __sfi_ssp(%rip)
        call *host_calls_back@GOTPCREL(%rip)
        addq $8, %rsp
        ret

        .p2align 4, 0xcc
        .globl seven
        .type seven,@function
seven:
        ret

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
