/* x87leave.c: a module without any x87/MMX instruction of its own (the
 * verifier says so: no "state:" line) that still changes the host's x87
 * state, through the runtime's own code that runs on its behalf:
 *  - pile(n) calls the granted libm import fabsl n times through its
 *    __sfi_libm_fabsl symbol, declared as returning nothing: the host libm
 *    wrapper returns a long double in %st(0), which this module never pops.
 *    sfi__enter_ret skips X87_INIT for an x87-free module, so the host gets
 *    the x87 stack back with n values on it (full after 8);
 *  - masked() calls a system-interface/libm import: the plain thunk's
 *    put_masked_fp sets the x87 exception masks (fldcw), and the return path
 *    no longer compares the control word for an x87-free module, so a host
 *    that runs with unmasked x87 exceptions gets them masked. */
#include "x87_mod.h"

void __sfi_libm_fabsl(unsigned long buf); /* really: long double in %st(0) */
double __sfi_libm_fabs(double x);

static struct ld one = {0x8000000000000000ULL, 0x3fff, {0}}; /* 1.0L */

int pile(int n) {
  for (int i = 0; i < n; i++)
    __sfi_libm_fabsl((unsigned long)&one);
  return n;
}

double masked(double x) { return __sfi_libm_fabs(x); }
