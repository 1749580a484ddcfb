/* enter.S: the transitions. sfi__enter switches to the sandbox native stack
 * and calls a sandbox function with the arguments of a struct sfi_callrec
 * (internal.h; offsets below must match it); sfi__recover unwinds back to
 * the innermost sfi__enter from a trap, exit() or a runtime check. The
 * setjmp/longjmp halves capture and restore a sandbox caller's context. */

#define R_RBX 0
#define R_RBP 8
#define R_R12 16
#define R_R13 24
#define R_R14 32
#define R_R15 40
#define R_RSP 48
#define R_FN 56
#define R_GPR 64
#define R_XMM 112
#define R_STACK 176
#define R_NSTACK 184
#define R_NEWRSP 192
#define R_RETRAX 200
#define R_RETXMM 208
#define R_MXCSR 216
#define R_FCW 220
#define R_ENTRYRSP 224

        .text
/* int sfi__enter(struct sfi_callrec *rec) */
        .globl  sfi__enter
        .hidden sfi__enter
        .type   sfi__enter,@function
        .p2align 4
sfi__enter:
        mov     %rbx, R_RBX(%rdi)
        mov     %rbp, R_RBP(%rdi)
        mov     %r12, R_R12(%rdi)
        mov     %r13, R_R13(%rdi)
        mov     %r14, R_R14(%rdi)
        mov     %r15, R_R15(%rdi)
        mov     %rsp, R_RSP(%rdi)
        stmxcsr R_MXCSR(%rdi)
        fnstcw  R_FCW(%rdi)
        mov     %rdi, %rbx              /* rec stays in a callee-saved reg */
        mov     R_NEWRSP(%rdi), %rax
        test    %rax, %rax
        jnz     1f
        lea     -256(%rsp), %rax        /* nested: below us, past red zone */
1:      and     $-16, %rax
        mov     R_NSTACK(%rbx), %rcx
        lea     1(%rcx), %rdx           /* keep rsp 16-aligned at the call */
        and     $-2, %rdx
        shl     $3, %rdx
        sub     %rdx, %rax
        mov     %rax, %rsp
        mov     R_STACK(%rbx), %rsi
        xor     %edx, %edx
2:      cmp     %rcx, %rdx
        jae     3f
        mov     (%rsi,%rdx,8), %r8
        mov     %r8, (%rsp,%rdx,8)
        inc     %rdx
        jmp     2b
3:      mov     %rsp, R_ENTRYRSP(%rbx)
        xor     %ebp, %ebp              /* ends the frame-pointer chain */
        movq    R_XMM+0(%rbx), %xmm0
        movq    R_XMM+8(%rbx), %xmm1
        movq    R_XMM+16(%rbx), %xmm2
        movq    R_XMM+24(%rbx), %xmm3
        movq    R_XMM+32(%rbx), %xmm4
        movq    R_XMM+40(%rbx), %xmm5
        movq    R_XMM+48(%rbx), %xmm6
        movq    R_XMM+56(%rbx), %xmm7
        mov     R_FN(%rbx), %r11
        mov     R_GPR+8(%rbx), %rsi
        mov     R_GPR+16(%rbx), %rdx
        mov     R_GPR+24(%rbx), %rcx
        mov     R_GPR+32(%rbx), %r8
        mov     R_GPR+40(%rbx), %r9
        mov     R_GPR+0(%rbx), %rdi
        mov     $8, %eax
        call    *%r11
        mov     %rax, R_RETRAX(%rbx)
        movq    %xmm0, R_RETXMM(%rbx)
        emms                            /* no x87/MMX state for the host */
        mov     %rbx, %rdi
        xor     %eax, %eax
        jmp     .Lrestore
        .size   sfi__enter, .-sfi__enter

/* _Noreturn void sfi__recover(struct sfi_callrec *rec, int code)
 * Entered from C (exit, abort, bad longjmp) or from the signal handler,
 * which points the interrupted context's rip here. */
        .globl  sfi__recover
        .hidden sfi__recover
        .type   sfi__recover,@function
        .p2align 4
sfi__recover:
        mov     R_RSP(%rdi), %rsp
        fninit                          /* drop whatever x87 state was left */
        mov     %esi, %eax
.Lrestore:
        mov     R_RSP(%rdi), %rsp
        /* Reloading MXCSR and the x87 control word costs ~10 ns; do it
         * only when the sandbox changed them. */
        stmxcsr -8(%rsp)
        mov     -8(%rsp), %ecx
        cmp     R_MXCSR(%rdi), %ecx
        je      1f
        ldmxcsr R_MXCSR(%rdi)
1:      fnstcw  -8(%rsp)
        movzwl  -8(%rsp), %ecx
        cmpw    R_FCW(%rdi), %cx
        je      2f
        fldcw   R_FCW(%rdi)
2:      cld
        mov     R_RBX(%rdi), %rbx
        mov     R_RBP(%rdi), %rbp
        mov     R_R12(%rdi), %r12
        mov     R_R13(%rdi), %r13
        mov     R_R14(%rdi), %r14
        mov     R_R15(%rdi), %r15
        ret
        .size   sfi__recover, .-sfi__recover

/* int __sfi_sys_setjmp(uint64_t *slot), reached by a jmp from the import
 * thunk, so [rsp] is the sandbox's return address. Captures the caller's
 * callee-saved registers, rsp after return and rip, and lets C store the
 * context and write the handle. Returns 0 now; sfi__longjmp_to returns the
 * second time. */
        .globl  sfi__sys_setjmp
        .hidden sfi__sys_setjmp
        .type   sfi__sys_setjmp,@function
        .p2align 4
sfi__sys_setjmp:
        lea     8(%rsp), %rax
        mov     (%rsp), %rcx
        sub     $72, %rsp
        mov     %rbx, 0(%rsp)
        mov     %rbp, 8(%rsp)
        mov     %r12, 16(%rsp)
        mov     %r13, 24(%rsp)
        mov     %r14, 32(%rsp)
        mov     %r15, 40(%rsp)
        mov     %rax, 48(%rsp)
        mov     %rcx, 56(%rsp)
        mov     %rsp, %rsi
        call    sfi__setjmp_save
        add     $72, %rsp
        ret
        .size   sfi__sys_setjmp, .-sfi__sys_setjmp

/* void __sfi_sys_setjmp_leave(void), reached by a jmp from the thunk:
 * passes the caller's rsp (as it will be after the return) to C. */
        .globl  sfi__sys_setjmp_leave
        .hidden sfi__sys_setjmp_leave
        .type   sfi__sys_setjmp_leave,@function
        .p2align 4
sfi__sys_setjmp_leave:
        lea     8(%rsp), %rdi
        jmp     sfi__setjmp_leave
        .size   sfi__sys_setjmp_leave, .-sfi__sys_setjmp_leave

/* _Noreturn void sfi__longjmp_to(const uint64_t regs[8], int val) */
        .globl  sfi__longjmp_to
        .hidden sfi__longjmp_to
        .type   sfi__longjmp_to,@function
        .p2align 4
sfi__longjmp_to:
        mov     0(%rdi), %rbx
        mov     8(%rdi), %rbp
        mov     16(%rdi), %r12
        mov     24(%rdi), %r13
        mov     32(%rdi), %r14
        mov     40(%rdi), %r15
        mov     48(%rdi), %rsp
        mov     %esi, %eax
        jmp     *56(%rdi)
        .size   sfi__longjmp_to, .-sfi__longjmp_to

        .section .note.GNU-stack,"",@progbits
