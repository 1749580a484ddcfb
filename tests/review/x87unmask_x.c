/* x87unmask_x.c: the x87-module form of x87unmask (long double code of its
 * own, so the verifier says x87): then_import() adds 1 to a signaling-NaN
 * long double (IE set in the FSW, masked under the host's default control
 * word) and calls the granted host import host_ld, which enables
 * FE_INVALID for its own computation: SIGFPE in host code. The x87
 * host-import thunk empties the stack (emms) but keeps the flags. */
#include "x87_mod.h"

int host_ld(void);

static struct ld snan = {0xA000000000000000ULL, 0x7fff, {0}};
volatile long double sink;

int then_import(void) {
  sink = *(volatile long double *)&snan + 1.0L;
  return host_ld();
}
