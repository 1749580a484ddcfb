/* x87sig.c: an x87-free module (no x87/MMX instruction: the verifier says
 * so) for x87sig_host. work(k, snan) hands a long double from its own
 * memory to the system interface (__sfi_sys_fmt_fp, as printf("%Le")
 * would): the host's snprintf loads it on the x87 stack under the plain
 * thunk, which marks the thread (x87_dirty) so that this call's return
 * resets the x87 unit. Then work spins until tick() has run: the host's
 * SIGALRM handler calls tick() (a nested call, documented in sfi.h: "calls
 * while the sandbox or an import runs are nested calls"). That nested
 * call's return clears the thread's x87_dirty and resets the x87 unit, but
 * in the signal handler's context: sigreturn puts the interrupted x87 state
 * back (the secret's mantissa in a register, or IE set by an SNaN) and
 * x87_dirty stays 0, so work's own return skips the reset. */
#include "x87_mod.h"


static struct ld val;
static char out[128];
static volatile int ticked;

void tick(void) { ticked = 1; }

int work(long long k, int snan) {
  if (snan) {
    val.mant = 0xA000000000000000ULL; /* signaling NaN */
    val.exp = 0x7fff;
  } else {
    val.mant = 0x8000000000000000ULL | (unsigned long long)k; /* normal */
    val.exp = 0x3fff;
  }
  ticked = 0;
  int r = __sfi_sys_fmt_fp((unsigned long)out, sizeof out, snan ? 'f' : 'e',
                           0, 20, (unsigned long)&val);
  /* no system-interface call from here on: nothing marks the thread again */
  for (unsigned long i = 0; !ticked && i < (1UL << 34); i++)
    ;
  return ticked ? r : -1;
}
