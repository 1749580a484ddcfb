/* x87flags.c: a module without any x87/MMX instruction of its own (the
 * verifier says so: no "state:" line) that still leaves an x87 exception
 * FLAG in the status word, through runtime code run on its behalf under
 * the plain thunk's masked control word:
 *  - viafmt() asks the system interface to print a signaling-NaN long
 *    double (__sfi_sys_fmt_fp takes it by address: the module needs no
 *    x87 instruction to build it): the host's snprintf("%Lf") compares it
 *    on the x87 stack and sets IE in the FSW (masked, so no trap there);
 *  - viant(x) calls libm's nexttoward (double result in xmm0, so the
 *    loader's "l"-suffix check does not mark the module x87), whose long
 *    double argument (read from the module's buffer) is the same SNaN;
 *  - then_import() does viafmt() and then calls the granted host import
 *    host_ld, which does some long double arithmetic.
 * 729eaee restores the host's control word on return (and in host-import
 * thunks) for every module, but the FSW flags are only cleared by the
 * X87_INIT an x87-free module skips: the host's control word with IE
 * unmasked over a set IE flag makes the exception pending, and the host's
 * next x87 instruction gets SIGFPE in host code (not attributable: the
 * host dies). */
#include "x87_mod.h"

double __sfi_libm_nexttoward(double x, unsigned long buf);
int host_ld(void);

static struct ld snan = {0xA000000000000000ULL, 0x7fff, {0}}; /* SNaN */
static char out[64];

int viafmt(void) {
  return __sfi_sys_fmt_fp((unsigned long)out, sizeof out, 'f', 0, 6,
                          (unsigned long)&snan);
}

double viant(double x) {
  return __sfi_libm_nexttoward(x, (unsigned long)&snan);
}

int then_import(void) {
  viafmt();
  return host_ld();
}
