/* libm_extra.c: glibc math extensions (exp10, significand, Bessel
 * functions) imported from the host like the rest; a separate archive
 * member so that only modules using them need the runtime to grant them. */
#include <math.h>

#include "libm_wrap.h"
#include "sfi_libm.h"

SFI_LIBM_F1_EXTRA(F1)
SFI_LIBM_IF_EXTRA(IF)

double pow10(double x) { return exp10(x); }
float pow10f(float x) { return exp10f(x); }
long double pow10l(long double x) { return exp10l(x); }
