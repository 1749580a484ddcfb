/* libm_wrap.h: the macros that define a math function in all three
 * precisions (n, nf, nl) as a direct call to the host libm's __sfi_libm_
 * import, by signature: F1 (x), F2 (x, y), F3 (x, y, z), FA (x, A) with
 * FI/FL/FLD, IF (int, x), RA (x) returning R with RI/RL/RLL. Shared by
 * libm.c and libm_extra.c. */
#ifndef SFI_LIBC_LIBM_WRAP_H
#define SFI_LIBC_LIBM_WRAP_H
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
#endif
