/* libm_ptr.c: the math functions that take or return through pointers
 * (frexp, modf, remquo, sincos, nan, lgamma_r) and lgamma (which sets
 * signgam), written on top of the scalar imports; plus the classification
 * helpers musl's math.h macros call. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

double __sfi_libm_lgamma(double);
float __sfi_libm_lgammaf(float);
long double __sfi_libm_lgammal(long double);

int signgam;

/* ---- classification (bits only) ---- */
int __fpclassify(double x) {
  uint64_t b;
  memcpy(&b, &x, 8);
  int e = (int)(b >> 52 & 0x7ff);
  if (!e)
    return b << 1 ? FP_SUBNORMAL : FP_ZERO;
  if (e == 0x7ff)
    return b << 12 ? FP_NAN : FP_INFINITE;
  return FP_NORMAL;
}
int __fpclassifyf(float x) {
  uint32_t b;
  memcpy(&b, &x, 4);
  int e = (int)(b >> 23 & 0xff);
  if (!e)
    return b << 1 ? FP_SUBNORMAL : FP_ZERO;
  if (e == 0xff)
    return b << 9 ? FP_NAN : FP_INFINITE;
  return FP_NORMAL;
}
/* x87 80-bit: 64-bit mantissa with an explicit integer bit, then
 * sign and 15-bit exponent. Unnormals and pseudo-values count as NaN, as
 * in glibc. */
int __fpclassifyl(long double x) {
  union {
    long double f;
    struct {
      uint64_t m;
      uint16_t se;
    } i;
  } u = {x};
  int e = u.i.se & 0x7fff;
  int msb = (int)(u.i.m >> 63);
  if (!e)
    return u.i.m ? FP_SUBNORMAL : FP_ZERO;
  if (!msb)
    return FP_NAN;
  if (e == 0x7fff)
    return u.i.m << 1 ? FP_NAN : FP_INFINITE;
  return FP_NORMAL;
}
int __signbit(double x) {
  uint64_t b;
  memcpy(&b, &x, 8);
  return (int)(b >> 63);
}
int __signbitf(float x) {
  uint32_t b;
  memcpy(&b, &x, 4);
  return (int)(b >> 31);
}
int __signbitl(long double x) {
  union {
    long double f;
    struct {
      uint64_t m;
      uint16_t se;
    } i;
  } u = {x};
  return u.i.se >> 15;
}
int __isnan(double x) { return isnan(x); }
int __isinf(double x) { return isinf(x); }
int __finite(double x) { return isfinite(x); }

/* ---- frexp / modf ---- */
#define FREXP(name, T, ilogb_, scalbn_)                                        \
  T name(T x, int *e) {                                                        \
    if (x == 0 || isnan(x) || isinf(x)) {                                      \
      *e = 0;                                                                  \
      return x + x;                                                            \
    }                                                                          \
    int k = ilogb_(x) + 1;                                                     \
    *e = k;                                                                    \
    return scalbn_(x, -k);                                                     \
  }
FREXP(frexp, double, ilogb, scalbn)
FREXP(frexpf, float, ilogbf, scalbnf)
FREXP(frexpl, long double, ilogbl, scalbnl)

#define MODF(name, T, trunc_, copysign_)                                       \
  T name(T x, T *ip) {                                                         \
    T t = trunc_(x);                                                           \
    *ip = t;                                                                   \
    if (isinf(x))                                                              \
      return copysign_((T)0, x);                                               \
    return copysign_(x - t, x);                                                \
  }
MODF(modf, double, trunc, copysign)
MODF(modff, float, truncf, copysignf)
MODF(modfl, long double, truncl, copysignl)

/* ---- remquo: the remainder from the host, the quotient's low three bits
 * by exact reduction of |x| modulo 8|y| (each subtraction below is exact by
 * Sterbenz's lemma). ---- */
#define REMQUO(name, T, rem_, fmod_, fabs_)                                    \
  T name(T x, T y, int *quo) {                                                 \
    T r = rem_(x, y);                                                          \
    *quo = 0;                                                                  \
    if (isnan(r) || isinf(x) || y == 0)                                        \
      return r;                                                                \
    T ay = fabs_(y), m = fabs_(x);                                             \
    T y8 = ay * 8;                                                             \
    if (!isinf(y8))                                                            \
      m = fmod_(m, y8);                                                        \
    int q = 0;                                                                 \
    for (int bit = 4; bit >= 1; bit >>= 1) {                                   \
      T t = ay * bit;                                                          \
      if (!isinf(t) && m >= t) {                                               \
        m -= t;                                                                \
        q |= bit;                                                              \
      }                                                                        \
    }                                                                          \
    T h = ay / 2;                                                              \
    if (m > h || (m == h && (q & 1)))                                          \
      q++;                                                                     \
    /* glibc keeps the carry: q may be 8 */                                    \
    *quo = (signbit(x) != signbit(y)) ? -q : q;                                \
    return r;                                                                  \
  }
REMQUO(remquo, double, remainder, fmod, fabs)
REMQUO(remquof, float, remainderf, fmodf, fabsf)
REMQUO(remquol, long double, remainderl, fmodl, fabsl)

/* ---- sincos (LLVM also forms calls to it from sin+cos pairs) ---- */
void sincos(double x, double *s, double *c) {
  *s = sin(x);
  *c = cos(x);
}
void sincosf(float x, float *s, float *c) {
  *s = sinf(x);
  *c = cosf(x);
}
void sincosl(long double x, long double *s, long double *c) {
  *s = sinl(x);
  *c = cosl(x);
}

/* ---- nan("chars") goes through strtod("NAN(chars)") as C specifies ---- */
static void nan_text(char *b, size_t cap, const char *s) {
  size_t l = strlen(s);
  if (l > cap - 6)
    l = cap - 6;
  memcpy(b, "NAN(", 4);
  memcpy(b + 4, s, l);
  b[4 + l] = ')';
  b[5 + l] = 0;
}
double nan(const char *s) {
  char b[64];
  nan_text(b, sizeof b, s);
  return strtod(b, 0);
}
float nanf(const char *s) {
  char b[64];
  nan_text(b, sizeof b, s);
  return strtof(b, 0);
}
long double nanl(const char *s) {
  char b[64];
  nan_text(b, sizeof b, s);
  return strtold(b, 0);
}

/* ---- lgamma and the sign of gamma: positive for x > 0; for x < 0 it
 * alternates between the poles, negative where floor(x) is odd. glibc
 * reports +1 at the poles and the sign of zero at +-0. ---- */
#define SIGN_OF_GAMMA(T, floor_, fmod_)                                        \
  static int sign_##T(T x) {                                                   \
    if (x > 0 || isnan(x))                                                     \
      return 1;                                                                \
    if (x == 0)                                                                \
      return signbit(x) ? -1 : 1;                                              \
    if (isinf(x))                                                              \
      return 1;                                                                \
    T fl = floor_(x);                                                          \
    if (fl == x)                                                               \
      return 1;                                                                \
    return fmod_(fl, 2) != 0 ? -1 : 1;                                         \
  }
typedef long double ldouble;
SIGN_OF_GAMMA(double, floor, fmod)
SIGN_OF_GAMMA(float, floorf, fmodf)
SIGN_OF_GAMMA(ldouble, floorl, fmodl)

double lgamma_r(double x, int *sg) {
  *sg = sign_double(x);
  return __sfi_libm_lgamma(x);
}
float lgammaf_r(float x, int *sg) {
  *sg = sign_float(x);
  return __sfi_libm_lgammaf(x);
}
long double lgammal_r(long double x, int *sg) {
  *sg = sign_ldouble(x);
  return __sfi_libm_lgammal(x);
}
double lgamma(double x) { return lgamma_r(x, &signgam); }
float lgammaf(float x) { return lgammaf_r(x, &signgam); }
long double lgammal(long double x) { return lgammal_r(x, &signgam); }
