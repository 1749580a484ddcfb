/* enter.S: the transitions. sfi__enter switches to the sandbox native stack
 * and calls a sandbox function with the arguments of a struct sfi_callrec
 * (internal.h; offsets in asm_offsets.h, checked by asm_offsets.c);
 * sfi__recover unwinds back to the innermost sfi__enter from a trap, exit()
 * or a runtime check. The setjmp/longjmp halves capture and restore a
 * sandbox caller's context.
 *
 * Nothing the sandbox leaves in a register is trusted on the way back: the
 * call record is reloaded from this thread's state (initial-exec TLS through
 * %fs, which sandbox code cannot change), and rsp, the callee-saved
 * registers, RFLAGS (DF, AC, TF), MXCSR and the x87 control word all come
 * from host-owned memory. */

#include "asm_offsets.h"

/* X87_INIT label: leaves the x87/MMX state in its initial configuration
 * (see the entry path); clobbers eax, ecx, edx. */
        .macro  X87_INIT done
        cmpb    $0, sfi__cpu_xinuse(%rip)
        je      1001f
        mov     $1, %ecx
        xgetbv
        test    $1, %al
        jz      \done
        mov     $1, %eax                /* RFBM: x87 only */
        xor     %edx, %edx
        xrstor  sfi__x87_init_area(%rip) /* XSTATE_BV 0: init */
        jmp     \done
1001:   fninit
        fldz
        fldz
        fldz
        fldz
        fldz
        fldz
        fldz
        fldz
        fninit
        .endm

        .section .rodata
        .p2align 6
/* An XSAVE area whose header says every component is in its initial
 * state (XSTATE_BV = XCOMP_BV = 0): XRSTOR from it initializes what RFBM
 * names. MXCSR is the default (read only if RFBM names SSE or AVX). */
sfi__x87_init_area:
        .zero   24
        .long   0x1f80
        .zero   576 - 28

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
        mov     %rdi, %rbx              /* rec, until the call */
        mov     R_NEWRSP(%rdi), %rax
        test    %rax, %rax
        jnz     1f
        lea     -256(%rsp), %rax        /* nested: below us, past red zone */
1:      and     $-16, %rax              /* 16-aligned at the call */
        mov     %rax, %rsp
        /* No argument on the native stack (contract S3): arguments that do
         * not fit in registers go to a buffer in the region (call.c). */
        mov     %rsp, R_ENTRYRSP(%rbx)
        xor     %ebp, %ebp              /* ends the frame-pointer chain */
        /* No host data in vector, mask or x87/MMX registers for the sandbox
         * (review: zmm16, ymm upper halves, %mm7). vzeroupper clears bits
         * 128 and up of ymm/zmm0-15; their low 128 bits are written below
         * (movq zero-extends xmm0-7, pxor clears xmm8-15). AVX-512 adds
         * zmm16-31 (an EVEX.128 vpxord zeroes the whole register) and
         * k0-k7, cleared only for a module whose code can read them (the
         * verifier's SFI_USES_AVX512: only EVEX and the mask instructions
         * name them). */
        mov     sfi__cpu_clear(%rip), %eax
        test    %eax, %eax
        jz      5f
        vzeroupper
        cmp     $2, %eax
        jb      5f
        testb   $U_AVX512, R_USES(%rbx)
        jz      5f
        vpxord  %xmm16, %xmm16, %xmm16
        vpxord  %xmm17, %xmm17, %xmm17
        vpxord  %xmm18, %xmm18, %xmm18
        vpxord  %xmm19, %xmm19, %xmm19
        vpxord  %xmm20, %xmm20, %xmm20
        vpxord  %xmm21, %xmm21, %xmm21
        vpxord  %xmm22, %xmm22, %xmm22
        vpxord  %xmm23, %xmm23, %xmm23
        vpxord  %xmm24, %xmm24, %xmm24
        vpxord  %xmm25, %xmm25, %xmm25
        vpxord  %xmm26, %xmm26, %xmm26
        vpxord  %xmm27, %xmm27, %xmm27
        vpxord  %xmm28, %xmm28, %xmm28
        vpxord  %xmm29, %xmm29, %xmm29
        vpxord  %xmm30, %xmm30, %xmm30
        vpxord  %xmm31, %xmm31, %xmm31
        kxorw   %k0, %k0, %k0
        kxorw   %k1, %k1, %k1
        kxorw   %k2, %k2, %k2
        kxorw   %k3, %k3, %k3
        kxorw   %k4, %k4, %k4
        kxorw   %k5, %k5, %k5
        kxorw   %k6, %k6, %k6
        kxorw   %k7, %k7, %k7
5:      /* x87/MMX: the sandbox can read every data register (MMX moves,
         * fnsave) and the last x87 instruction and data addresses
         * (fnstenv): all must be the initial state. With XGETBV(1), the
         * processor says whether the x87 state may differ from it
         * (XINUSE bit 0; 0 guarantees the init state: FCW 0x37f, FSW 0,
         * all tags empty, FIP/FDP/FOP 0, registers 0); only then XRSTOR
         * puts it there (~100 ns, like fninit, which leaves the registers
         * and is why the fallback also overwrites them with fldz).
         * A module without any x87/MMX instruction (SFI_USES_X87 clear)
         * can neither read this state nor change it: the host's stays. */
        testb   $U_X87, R_USES(%rbx)
        jz      6f
        X87_INIT 6f
6:      movq    R_XMM+0(%rbx), %xmm0
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
        xor     %ebx, %ebx              /* no host values for the sandbox */
        xor     %r10d, %r10d
        xor     %r12d, %r12d
        xor     %r13d, %r13d
        xor     %r14d, %r14d
        xor     %r15d, %r15d
        pxor    %xmm8, %xmm8
        pxor    %xmm9, %xmm9
        pxor    %xmm10, %xmm10
        pxor    %xmm11, %xmm11
        pxor    %xmm12, %xmm12
        pxor    %xmm13, %xmm13
        pxor    %xmm14, %xmm14
        pxor    %xmm15, %xmm15
        call    *%r11
        .globl  sfi__enter_ret
        .hidden sfi__enter_ret
sfi__enter_ret:
        /* Back from the sandbox: every register but rax/xmm0 (the result)
         * is the sandbox's to choose, rsp and the callee-saved ones too. */
        mov     sfi__thread_state@GOTTPOFF(%rip), %rdi
        movzbl  %fs:TH_X87DIRTY(%rdi), %ecx
        movb    $0, %fs:TH_X87DIRTY(%rdi)
        mov     %fs:TH_TOP(%rdi), %rdi  /* this call's record */
        mov     %rax, R_RETRAX(%rdi)
        movq    %xmm0, R_RETXMM(%rdi)
        /* No x87/MMX state and no pending x87 exception for the host
         * (review); the initial state also spares the next call in. A
         * module without x87/MMX instructions left the state unchanged,
         * unless runtime code it called (its system-interface thunks set
         * x87_dirty) used the unit: its flags, its registers' values (a
         * nested x87 module could read them; review call4b). */
        or      R_USES(%rdi), %cl
        test    $U_X87, %cl
        jz      7f
        X87_INIT 7f
7:      xor     %eax, %eax
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
        /* rec is always the thread's innermost record: take it from there
         * rather than from a register. */
        mov     sfi__thread_state@GOTTPOFF(%rip), %rdi
        mov     %fs:TH_TOP(%rdi), %rdi
        mov     R_RSP(%rdi), %rsp
        /* Drop whatever x87 state was left, data registers included
         * (fninit keeps them: review call4c x87exit), for every module
         * (runtime code may have used the unit for an x87-free one). */
        mov     %esi, %r8d              /* X87_INIT clobbers eax, ecx, edx */
        X87_INIT 8f
8:      mov     sfi__thread_state@GOTTPOFF(%rip), %rdi
        movb    $0, %fs:TH_X87DIRTY(%rdi)
        mov     %fs:TH_TOP(%rdi), %rdi
        fldcw   R_FCW(%rdi)             /* and the host's control word */
        mov     %r8d, %eax
.Lrestore:
        mov     R_RSP(%rdi), %rsp
        pushfq                          /* DF, AC or TF set: popfq (~12 ns) */
        testl   $SFI_RFLAGS_DIRTY, (%rsp)
        lea     8(%rsp), %rsp
        jz      .Lflags_ok
        pushq   $SFI_RFLAGS_CLEAN       /* DF, AC, TF clear */
        popfq
.Lflags_ok:
        /* Reloading MXCSR and the x87 control word costs ~10 ns; do it
         * only when the sandbox changed them. */
        stmxcsr -8(%rsp)
        mov     -8(%rsp), %ecx
        cmp     R_MXCSR(%rdi), %ecx
        je      1f
        ldmxcsr R_MXCSR(%rdi)
        /* Every module: the system-interface thunks set the control word
         * on the module's behalf (thunk.c, put_masked_fp), x87 code or
         * not (review call4). */
1:      fnstcw  -8(%rsp)
        movzwl  -8(%rsp), %ecx
        cmpw    R_FCW(%rdi), %cx
        je      2f
        fldcw   R_FCW(%rdi)
2:      mov     R_RBX(%rdi), %rbx
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
        sub     $J_SIZE+8, %rsp         /* keeps rsp 16-aligned at the call */
        mov     %rbx, J_RBX(%rsp)
        mov     %rbp, J_RBP(%rsp)
        mov     %r12, J_R12(%rsp)
        mov     %r13, J_R13(%rsp)
        mov     %r14, J_R14(%rsp)
        mov     %r15, J_R15(%rsp)
        mov     %rax, J_RSP(%rsp)
        mov     %rcx, J_RIP(%rsp)
        mov     %rsp, %rsi
        call    sfi__setjmp_save
        add     $J_SIZE+8, %rsp
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
        mov     J_RBX(%rdi), %rbx
        mov     J_RBP(%rdi), %rbp
        mov     J_R12(%rdi), %r12
        mov     J_R13(%rdi), %r13
        mov     J_R14(%rdi), %r14
        mov     J_R15(%rdi), %r15
        mov     J_RSP(%rdi), %rsp
        mov     %esi, %eax
        jmp     *J_RIP(%rdi)
        .size   sfi__longjmp_to, .-sfi__longjmp_to

/* The signal handlers' entries. The kernel clears DF and TF for a handler
 * but leaves AC as the interrupted code had it: after a sandbox set AC,
 * any misaligned access in the handler (libc's string functions make
 * them) would raise SIGBUS inside it and kill the host. */
        .macro  SIGNAL_ENTRY name, target
        .globl  \name
        .hidden \name
        .type   \name,@function
        .p2align 4
\name:
        pushfq
        andl    $~SFI_RFLAGS_AC, (%rsp)
        popfq
        jmp     \target
        .size   \name, .-\name
        .endm
        SIGNAL_ENTRY sfi__trap_entry, sfi__on_trap
        SIGNAL_ENTRY sfi__timer_entry, sfi__on_timer

        .section .note.GNU-stack,"",@progbits
