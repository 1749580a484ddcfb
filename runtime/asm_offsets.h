/* asm_offsets.h: every structure offset the assembly (enter.S) uses, as a
 * named constant; asm_offsets.c checks each against offsetof. Plain
 * numbers only: the assembler includes this file too. */
#ifndef SFI_ASM_OFFSETS_H
#define SFI_ASM_OFFSETS_H

/* struct sfi_callrec (internal.h) */
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
#define R_USES 222
/* its bits: SFI_USES_X87 and SFI_USES_AVX512 (verify.h) */
#define U_X87 1
#define U_AVX512 2
#define R_ENTRYRSP 224

/* struct sfi_thread (internal.h): the innermost call record, read through
 * %fs by the transitions (the thread's state is initial-exec TLS). */
#define TH_TOP 0
#define TH_X87DIRTY 12

/* struct sfi_jmpctx.regs (internal.h): a sandbox caller's context */
#define J_RBX 0
#define J_RBP 8
#define J_R12 16
#define J_R13 24
#define J_R14 32
#define J_R15 40
#define J_RSP 48
#define J_RIP 56
#define J_SIZE 64

/* RFLAGS the transitions load: only the reserved bit 1. DF, AC and TF are
 * clear; IF is not writable from user mode and stays as it is. */
#define SFI_RFLAGS_CLEAN 2
#define SFI_RFLAGS_DIRTY 0x40500 /* AC, DF, TF */
#define SFI_RFLAGS_AC 0x40000
#endif
