/* asm_offsets.c: compile-time checks that the offsets enter.S uses
 * (asm_offsets.h) match the C structures they name. No code. */
#include <stddef.h>

#include "asm_offsets.h"
#include "internal.h"

#define CHECK(type, field, off)                                                \
  _Static_assert(offsetof(type, field) == (off), #type "." #field " != " #off)

CHECK(struct sfi_callrec, saved[0], R_RBX);
CHECK(struct sfi_callrec, saved[1], R_RBP);
CHECK(struct sfi_callrec, saved[2], R_R12);
CHECK(struct sfi_callrec, saved[3], R_R13);
CHECK(struct sfi_callrec, saved[4], R_R14);
CHECK(struct sfi_callrec, saved[5], R_R15);
CHECK(struct sfi_callrec, saved[6], R_RSP);
CHECK(struct sfi_callrec, fn, R_FN);
CHECK(struct sfi_callrec, gpr, R_GPR);
CHECK(struct sfi_callrec, xmm, R_XMM);
CHECK(struct sfi_callrec, stack, R_STACK);
CHECK(struct sfi_callrec, nstack, R_NSTACK);
CHECK(struct sfi_callrec, new_rsp, R_NEWRSP);
CHECK(struct sfi_callrec, ret_rax, R_RETRAX);
CHECK(struct sfi_callrec, ret_xmm0, R_RETXMM);
CHECK(struct sfi_callrec, mxcsr, R_MXCSR);
CHECK(struct sfi_callrec, fcw, R_FCW);
CHECK(struct sfi_callrec, uses, R_USES);
CHECK(struct sfi_callrec, entry_rsp, R_ENTRYRSP);
_Static_assert(sizeof(((struct sfi_callrec *)0)->gpr) == 6 * 8, "gpr");
_Static_assert(sizeof(((struct sfi_callrec *)0)->xmm) == 8 * 8, "xmm");
_Static_assert(sizeof(((struct sfi_callrec *)0)->mxcsr) == 4, "mxcsr");
_Static_assert(sizeof(((struct sfi_callrec *)0)->fcw) == 2, "fcw");

CHECK(struct sfi_thread, top, TH_TOP);
CHECK(struct sfi_thread, x87_dirty, TH_X87DIRTY);

CHECK(struct sfi_jmpctx, regs[0], J_RBX);
CHECK(struct sfi_jmpctx, regs[1], J_RBP);
CHECK(struct sfi_jmpctx, regs[2], J_R12);
CHECK(struct sfi_jmpctx, regs[3], J_R13);
CHECK(struct sfi_jmpctx, regs[4], J_R14);
CHECK(struct sfi_jmpctx, regs[5], J_R15);
CHECK(struct sfi_jmpctx, regs[6], J_RSP);
CHECK(struct sfi_jmpctx, regs[7], J_RIP);
_Static_assert(sizeof(((struct sfi_jmpctx *)0)->regs) == J_SIZE, "regs");

/* The native stack guard must be wider than the largest native frame the
 * code shape allows (sfi_abi.h), plus a page: a frame set-up without stack
 * probes can then never step over it. */
_Static_assert(SFI_NSTACK_GUARD >= SFI_NATIVE_FRAME_MAX + 4096,
               "native stack guard narrower than a frame");
_Static_assert(SFI_NSTACK_RESERVE < SFI_NSTACK_SIZE - SFI_NSTACK_GUARD,
               "import headroom larger than the stack");
_Static_assert(U_X87 == SFI_USES_X87 && U_AVX512 == SFI_USES_AVX512,
               "SFI_USES_* bits in enter.S");
