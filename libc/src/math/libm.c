/* libm.c: the scalar math functions of C99 (and glibc's common extras) in
 * float, double and long double, each a direct call to the host libm
 * through an __sfi_libm_ import, so results are glibc's bit for bit. */
#include <math.h>

#include "sfi_libm.h"

#define F1(n)                                                                  \
  double __sfi_libm_##n(double);                                               \
  float __sfi_libm_##n##f(float);                                              \
  long double __sfi_libm_##n##l(long double);                                  \
  double n(double x) { return __sfi_libm_##n(x); }                             \
  float n##f(float x) { return __sfi_libm_##n##f(x); }                         \
  long double n##l(long double x) { return __sfi_libm_##n##l(x); }
#define F2(n)                                                                  \
  double __sfi_libm_##n(double, double);                                       \
  float __sfi_libm_##n##f(float, float);                                       \
  long double __sfi_libm_##n##l(long double, long double);                     \
  double n(double x, double y) { return __sfi_libm_##n(x, y); }                \
  float n##f(float x, float y) { return __sfi_libm_##n##f(x, y); }             \
  long double n##l(long double x, long double y) {                             \
    return __sfi_libm_##n##l(x, y);                                            \
  }
#define F3(n)                                                                  \
  double __sfi_libm_##n(double, double, double);                               \
  float __sfi_libm_##n##f(float, float, float);                                \
  long double __sfi_libm_##n##l(long double, long double, long double);        \
  double n(double x, double y, double z) { return __sfi_libm_##n(x, y, z); }   \
  float n##f(float x, float y, float z) { return __sfi_libm_##n##f(x, y, z); } \
  long double n##l(long double x, long double y, long double z) {              \
    return __sfi_libm_##n##l(x, y, z);                                         \
  }
#define FA(n, A)                                                               \
  double __sfi_libm_##n(double, A);                                            \
  float __sfi_libm_##n##f(float, A);                                           \
  long double __sfi_libm_##n##l(long double, A);                               \
  double n(double x, A i) { return __sfi_libm_##n(x, i); }                     \
  float n##f(float x, A i) { return __sfi_libm_##n##f(x, i); }                 \
  long double n##l(long double x, A i) { return __sfi_libm_##n##l(x, i); }
#define FI(n) FA(n, int)
#define FL(n) FA(n, long)
#define FLD(n) FA(n, long double)
#define IF(n)                                                                  \
  double __sfi_libm_##n(int, double);                                          \
  float __sfi_libm_##n##f(int, float);                                         \
  long double __sfi_libm_##n##l(int, long double);                             \
  double n(int i, double x) { return __sfi_libm_##n(i, x); }                   \
  float n##f(int i, float x) { return __sfi_libm_##n##f(i, x); }               \
  long double n##l(int i, long double x) { return __sfi_libm_##n##l(i, x); }
#define RA(n, R)                                                               \
  R __sfi_libm_##n(double);                                                    \
  R __sfi_libm_##n##f(float);                                                  \
  R __sfi_libm_##n##l(long double);                                            \
  R n(double x) { return __sfi_libm_##n(x); }                                  \
  R n##f(float x) { return __sfi_libm_##n##f(x); }                             \
  R n##l(long double x) { return __sfi_libm_##n##l(x); }
#define RI(n) RA(n, int)
#define RL(n) RA(n, long)
#define RLL(n) RA(n, long long)

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
