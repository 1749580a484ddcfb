// Variadic calls with 20 mixed arguments (ints, longs, doubles, long double,
// a struct by value, pointers), through a function pointer and va_copy,
// print exactly what the native build prints.
// RUN: %clang -O2 %s -o %t.native && %t.native > %t.expect
// RUN: %bindir/sfi-cc -O2 %s -o %t.so && %bindir/sfi-run %t.so > %t.got
// RUN: diff %t.expect %t.got
// RUN: %bindir/sfi-cc -O0 %s -o %t0.so && %bindir/sfi-run %t0.so > %t0.got
// RUN: diff %t.expect %t0.got
#include <stdarg.h>
#include <stdio.h>
struct P { double x; long y; };
struct Big { long a[5]; };
static void show(const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  for (const char *c = fmt; *c; c++) {
    switch (*c) {
    case 'i': printf("i%d ", va_arg(ap, int)); break;
    case 'l': printf("l%ld ", va_arg(ap, long)); break;
    case 'd': printf("d%.3f ", va_arg(ap, double)); break;
    case 'L': printf("L%.3Lf ", va_arg(ap, long double)); break;
    case 'p': { struct P p = va_arg(ap, struct P); printf("p%.1f/%ld ", p.x, p.y); break; }
    case 'b': { struct Big b = va_arg(ap, struct Big); printf("b%ld ", b.a[0] + b.a[4]); break; }
    case 's': printf("s%s ", va_arg(ap, char *)); break;
    }
  }
  printf("| first again: %d\n", va_arg(ap2, int));
  va_end(ap2);
  va_end(ap);
}
int main(void) {
  struct P p = {2.5, 7};
  struct Big b = {{1, 2, 3, 4, 5}};
  void (*f)(const char *, ...) = show;
  f("ildLpbsildLpbsildLpb", 1, 2L, 3.5, (long double)4.25, p, b, "x", 8, 9L, 10.5,
    (long double)11.5, p, b, "y", 15, 16L, 17.25, (long double)18.75, p, b);
  return 0;
}
