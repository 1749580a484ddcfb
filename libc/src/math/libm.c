/* libm.c: the scalar math functions of C99 (and glibc's common extras) in
 * float, double and long double, each a direct call to the host libm
 * through an __sfi_libm_ import, so results are glibc's bit for bit. */
#include <math.h>

#include "libm_wrap.h"
#include "sfi_libm.h"

SFI_LIBM_F1(F1)
SFI_LIBM_F2(F2)
SFI_LIBM_F3(F3)
SFI_LIBM_FI(FI)
SFI_LIBM_FL(FL)
SFI_LIBM_FLD(FLD)
SFI_LIBM_RI(RI)
SFI_LIBM_RL(RL)
SFI_LIBM_RLL(RLL)

/* Bit operations: no call needed. */
double fabs(double x) { return __builtin_fabs(x); }
float fabsf(float x) { return __builtin_fabsf(x); }
long double fabsl(long double x) { return __builtin_fabsl(x); }
double copysign(double x, double y) { return __builtin_copysign(x, y); }
float copysignf(float x, float y) { return __builtin_copysignf(x, y); }
long double copysignl(long double x, long double y) {
  return __builtin_copysignl(x, y);
}

/* Old names glibc still exports. */
double drem(double x, double y) { return remainder(x, y); }
float dremf(float x, float y) { return remainderf(x, y); }
double gamma(double x) { return lgamma(x); }
float gammaf(float x) { return lgammaf(x); }
int finite(double x) { return isfinite(x); }
int finitef(float x) { return isfinite(x); }
int isinff(float x) { return isinf(x) ? (signbit(x) ? -1 : 1) : 0; }
int isnanf(float x) { return isnan(x); }
