# deep_guard.s: plain recursion with a 40000-byte native frame (a frame the
# verifier accepts: sub $imm,%rsp within SFI_NATIVE_FRAME_MAX, an access at
# 0(%rsp)). When the stack runs out, %rsp has already moved into the guard
# below stack_lo and the store at (%rsp) faults; the trap handler's
# backtrace() (trap.c) then reads the native stack from %rsp upward, i.e.
# from the PROT_NONE guard: SIGSEGV inside the SIGSEGV handler, host killed.
# (With a 65528-byte frame the levels align so that %rsp lands only 8 bytes
# into the guard and the same read happens to be skipped: contained.)
        .text
        .p2align 4, 0xcc
        .globl attack
        .type attack,@function
attack:
        subq $40000, %rsp
        movq %rax, (%rsp)
        call attack
        addq $40000, %rsp
        ret
        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
