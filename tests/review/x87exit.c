/* x87exit.c: leave(k, how) puts a secret long double in the x87 registers
 * and ends the call without returning: how 0 exit(0) (SFI_ERR_EXIT, the
 * instance stays usable), 1 a trap (__builtin_trap). Both end in
 * sfi__recover, which runs fninit: tags, status and control words are
 * reset, the data registers are not (X87_INIT's xrstor or fldz x8 would).
 * Built two ways:
 *  - plain: no x87/MMX instruction (the verifier says so); the secret
 *    reaches the x87 registers through the system interface (fmt_fp, the
 *    host's snprintf("%Le") loads it; x87_dirty is set but only read by a
 *    normal return);
 *  - -DX87: long double arithmetic of its own (an x87 module), the same
 *    path before 75bd0a3.
 * x87exit_host runs it nested inside x87nest_a's import: back from the
 * import A reads the secret in %mm. */
#include <stdlib.h>

#include "x87_mod.h"


static struct ld val;
static char out[128];
volatile long double sink;

int leave(long long k, int how) {
  val.mant = 0x8000000000000000ULL | (unsigned long long)k; /* normal */
  val.exp = 0x3fff;
#ifdef X87
  sink = *(volatile long double *)&val * 1.0L;
#else
  __sfi_sys_fmt_fp((unsigned long)out, sizeof out, 'e', 0, 20,
                   (unsigned long)&val);
#endif
  if (how == 0)
    exit(0);
  __builtin_trap();
}
