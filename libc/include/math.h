/* math.h: musl's, with the floating-point classification macros as the
 * compiler's type-generic builtins. musl's own forms test the bits with
 * `unsigned long long` constants (-1ULL, 0x7ffULL<<52), which
 * `-std=c89 -pedantic -Werror` rejects where the macro is expanded in the
 * program ('long long' is an extension in C89); the builtins give the same
 * answers for float, double and long double, like glibc's math.h with
 * GCC or clang. */
#include_next <math.h>

#ifndef SFI_LIBC_MATH_H_OVERRIDES
#define SFI_LIBC_MATH_H_OVERRIDES
#undef isinf
#undef isnan
#undef isnormal
#undef isfinite
#undef signbit
#undef fpclassify
#define isinf(x) __builtin_isinf(x)
#define isnan(x) __builtin_isnan(x)
#define isnormal(x) __builtin_isnormal(x)
#define isfinite(x) __builtin_isfinite(x)
#define signbit(x) __builtin_signbit(x)
#define fpclassify(x)                                                          \
  __builtin_fpclassify(FP_NAN, FP_INFINITE, FP_NORMAL, FP_SUBNORMAL, FP_ZERO,  \
                       x)
#endif
