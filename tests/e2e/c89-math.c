/* c89-math.c: musl's classification macros (isnan, isinf, isfinite,
 * isnormal, signbit, fpclassify) compile under -std=c89 -pedantic -Werror
 * through sfi-cc (libc/include/math.h) and classify float, double and
 * long double values right.
 * RUN: sfi-cc -std=c89 -pedantic -Werror -Wall -Wextra -O2 %s -o %t.so
 * RUN: sfi-run %t.so | FileCheck %s
 * RUN: sfi-cc -std=c99 -pedantic -Werror -O0 %s -o %t0.so
 * RUN: sfi-run %t0.so | FileCheck %s
 * (0/0 is the x86 default NaN, whose sign bit is set.)
 * CHECK: double nan 1 0 0 0 1
 * CHECK-NEXT: double -inf 0 1 0 0 1
 * CHECK-NEXT: double 1.5 0 0 1 1 0
 * CHECK-NEXT: double subnormal 0 0 1 0 0
 * CHECK-NEXT: double -0 0 0 1 0 1
 * CHECK-NEXT: float nan 1 0 0 0 1
 * CHECK-NEXT: float inf 0 1 0 0 0
 * CHECK-NEXT: float -2 0 0 1 1 1
 * CHECK-NEXT: long double nan 1 0 0 0 1
 * CHECK-NEXT: long double -inf 0 1 0 0 1
 * CHECK-NEXT: long double 3 0 0 1 1 0
 * CHECK-NEXT: classes 1 1 1 1 1
 */
#include <float.h>
#include <math.h>
#include <stdio.h>

#define SHOW(T, name, v)                                                       \
  do {                                                                         \
    volatile T x = (v);                                                        \
    printf("%s %s %d %d %d %d %d\n", #T, name, isnan(x) != 0, isinf(x) != 0,  \
           isfinite(x) != 0, isnormal(x) != 0, signbit(x) != 0);               \
  } while (0)

int main(void) {
  volatile double zero = 0.0;
  SHOW(double, "nan", zero / zero);
  SHOW(double, "-inf", -1.0 / zero);
  SHOW(double, "1.5", 1.5);
  SHOW(double, "subnormal", DBL_MIN / 4);
  SHOW(double, "-0", -zero);
  SHOW(float, "nan", (float)(zero / zero));
  SHOW(float, "inf", (float)(1.0 / zero));
  SHOW(float, "-2", -2.0f);
  SHOW(long double, "nan", (long double)(zero / zero));
  SHOW(long double, "-inf", (long double)(-1.0 / zero));
  SHOW(long double, "3", 3.0L);
  {
    volatile double n = zero / zero, i = 1.0 / zero, s = DBL_MIN / 4, z = zero,
                    o = 1.0;
    printf("classes %d %d %d %d %d\n", fpclassify(n) == FP_NAN,
           fpclassify(i) == FP_INFINITE, fpclassify(s) == FP_SUBNORMAL,
           fpclassify(z) == FP_ZERO, fpclassify(o) == FP_NORMAL);
  }
  return 0;
}
