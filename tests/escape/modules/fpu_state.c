/* fpu_state.c: leaves the x87/MMX unit dirty: MMX arithmetic without
 * _mm_empty() (every x87 register tagged in use), and a long double result
 * the host reads as a double (one x87 register left on the stack). The host
 * must not inherit that state: its long double arithmetic, in an import
 * called meanwhile and after the call returns, must still be right; nor the
 * sandbox's rounding mode. */
#include <mmintrin.h>
#include "common.h"
PING
long attack(u64 a, long b) {
  __m64 x = _mm_cvtsi64_m64((long)a), y = _mm_cvtsi64_m64(b);
  long r = _mm_cvtm64_si64(_mm_add_pi8(x, y)); /* no _mm_empty() */
  return host_ld(7) * 1000 + (r & 0xff);
}
long double leave_x87(void) { return 1.5L; }
/* The rounding mode: set upward (llvm.set_rounding, allowed), then ask the
 * host which mode its import runs under. */
long host_round(void);
long round_mode(u64 a, long b) {
  (void)a;
  (void)b;
  __builtin_set_flt_rounds(2);
  return host_round();
}
