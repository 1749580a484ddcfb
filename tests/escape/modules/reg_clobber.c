/* reg_clobber.c: the C half of the register-clobbering attack (the export
 * `attack` is hand-written assembly in reg_clobber_asm.S, linked into the
 * same module). A sandbox function need not follow the C convention: it may
 * return with every callee-saved register, DF, AC, TF, MXCSR and the x87
 * control word chosen by the attacker, and call imports that way. The host
 * must trust none of it. */
#include "common.h"
PING
long host_flags(void);
double __sfi_libm_log(double);

/* Called by attack with the garbled state in place: a libm import first
 * (log(0) divides by zero, which must not fault in host code), then a
 * granted import (the host reports what it saw; its thunk puts the host's
 * FP environment in place, so it comes second). */
__attribute__((visibility("hidden"))) long probe_imports(void) {
  double l = __sfi_libm_log(0.0);
  long seen = host_flags();
  return l < 0 ? seen : seen | 0x100;
}
