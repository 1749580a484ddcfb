/* libm_extra.c: glibc math extensions (exp10, significand, Bessel
 * functions) imported from the host like the rest; a separate archive
 * member so that only modules using them need the runtime to grant them. */
#include <math.h>

#include "sfi_libm.h"

#define F1(n)                                                                  \
  double __sfi_libm_##n(double);                                               \
  float __sfi_libm_##n##f(float);                                              \
  long double __sfi_libm_##n##l(long double);                                  \
  double n(double x) { return __sfi_libm_##n(x); }                             \
  float n##f(float x) { return __sfi_libm_##n##f(x); }                         \
  long double n##l(long double x) { return __sfi_libm_##n##l(x); }
#define IF(n)                                                                  \
  double __sfi_libm_##n(int, double);                                          \
  float __sfi_libm_##n##f(int, float);                                         \
  long double __sfi_libm_##n##l(int, long double);                             \
  double n(int i, double x) { return __sfi_libm_##n(i, x); }                   \
  float n##f(int i, float x) { return __sfi_libm_##n##f(i, x); }               \
  long double n##l(int i, long double x) { return __sfi_libm_##n##l(i, x); }

SFI_LIBM_F1_EXTRA(F1)
SFI_LIBM_IF_EXTRA(IF)

double pow10(double x) { return exp10(x); }
float pow10f(float x) { return exp10f(x); }
long double pow10l(long double x) { return exp10l(x); }
