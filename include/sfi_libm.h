/* sfi_libm.h: the scalar-only math functions the sandbox imports as
 * __sfi_libm_<name> (bound by the runtime to the host libm's <name>), as
 * X-macros by signature, each in double (name), float (name##f) and long
 * double (name##l). One list for the libc's imports and the runtime's
 * allowlist. */
#ifndef SFI_LIBM_H
#define SFI_LIBM_H
/* T f(T) */
#define SFI_LIBM_F1(X)                                                         \
  X(acos)                                                                      \
  X(asin) X(atan) X(cos) X(sin) X(tan) X(acosh) X(asinh) X(atanh) X(cosh)      \
      X(sinh) X(tanh) X(exp) X(exp2) X(expm1) X(log) X(log10) X(log1p) X(log2) \
          X(logb) X(cbrt) X(sqrt) X(erf) X(erfc) X(tgamma) X(ceil) X(floor)    \
              X(nearbyint) X(rint) X(round) X(trunc)
/* T f(T), outside the runtime's first allowlist: in libm_extra.c, so only
 * modules that use them import them */
#define SFI_LIBM_F1_EXTRA(X) X(exp10) X(significand) X(j0) X(j1) X(y0) X(y1)
/* T f(T), written in the sandbox because it also sets signgam */
#define SFI_LIBM_F1_SIGNGAM(X) X(lgamma)
/* T f(T, T) */
#define SFI_LIBM_F2(X)                                                         \
  X(atan2)                                                                     \
  X(hypot) X(pow) X(fmod) X(remainder) X(nextafter) X(fdim) X(fmax) X(fmin)
/* T f(T, T, T) */
#define SFI_LIBM_F3(X) X(fma)
/* T f(T, int) */
#define SFI_LIBM_FI(X) X(ldexp) X(scalbn)
/* T f(T, long) */
#define SFI_LIBM_FL(X) X(scalbln)
/* T f(int, T), extra as above */
#define SFI_LIBM_IF_EXTRA(X) X(jn) X(yn)
/* int f(T) */
#define SFI_LIBM_RI(X) X(ilogb)
/* long f(T) */
#define SFI_LIBM_RL(X) X(lrint) X(lround)
/* long long f(T) */
#define SFI_LIBM_RLL(X) X(llrint) X(llround)
/* T f(T, long double) */
#define SFI_LIBM_FLD(X) X(nexttoward)
#endif
