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

/* Called by attack with the garbled state in place: a granted import (the
 * host reports what it saw) and a libm import (log(0) divides by zero,
 * which must not fault in host code). */
__attribute__((visibility("hidden"))) long probe_imports(void) {
  long seen = host_flags();
  double l = __sfi_libm_log(0.0);
  return l < 0 ? seen : seen | 0x100;
}
