/* printf.c: printf corner cases: every conversion, flag, width, precision
 * and length modifier, and floating point over many values; the output
 * must equal glibc's byte for byte. */
#define _GNU_SOURCE
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static uint64_t st = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void) {
  st ^= st << 13;
  st ^= st >> 7;
  st ^= st << 17;
  return st;
}

int main(void) {
  static const char *const iflags[] = {"",   "-",  "+",  " ",  "#",  "0",
                                       "-+", "+0", " 0", "#0", "-#", "0-"};
  static const char *const widths[] = {"", "1", "5", "12", "*"};
  static const char *const precs[] = {"", ".", ".0", ".1", ".3", ".10", ".*"};
  static const char convs[] = "diouxX";
  static const long long ivals[] = {
      0, 1, -1, 7, 42, -42, 255, 65535, INT_MAX, INT_MIN, LLONG_MAX, LLONG_MIN};
  char fmt[32];
  for (size_t f = 0; f < sizeof iflags / sizeof *iflags; f++)
    for (size_t w = 0; w < sizeof widths / sizeof *widths; w++)
      for (size_t p = 0; p < sizeof precs / sizeof *precs; p++)
        for (const char *c = convs; *c; c++) {
          snprintf(fmt, sizeof fmt, "[%%%s%s%sll%c]", iflags[f], widths[w],
                   precs[p], *c);
          for (size_t v = 0; v < sizeof ivals / sizeof *ivals; v++) {
            if (widths[w][0] == '*' && precs[p][1] == '*')
              printf(fmt, 7, 3, ivals[v]);
            else if (widths[w][0] == '*' || precs[p][1] == '*')
              printf(fmt, -6, ivals[v]);
            else
              printf(fmt, ivals[v]);
          }
          putchar('\n');
        }
  /* Length modifiers truncate. */
  printf("%hhd %hhu %hd %hu %d %ld %lld %jd %zd %td\n", 0x1ff, 0x1ff, 0x1ffff,
         0x1ffff, -5, -5L, -5LL, (intmax_t)-5, (ssize_t)-5, (ptrdiff_t)-5);
  printf("%" PRId64 " %" PRIu64 " %" PRIx64 " %" PRIo8 "\n", INT64_MIN,
         UINT64_MAX, UINT64_MAX, (uint8_t)255);
  /* Strings and characters. */
  printf("[%s][%10s][%-10s][%.0s][%.2s][%*s][%-*s][%c][%3c][%-3c]\n", "abc",
         "abc", "abc", "abc", "abc", 5, "x", 5, "y", 'a', 'b', 'c');
  printf("[%s][%.3s][%10s]\n", (char *)0, (char *)0, (char *)0);
  printf("[%ls][%lc][%5ls]\n", L"wide", (wint_t)L'w', L"ab");
  printf("[%p][%20p][%-20p]\n", (void *)0, (void *)0, (void *)0);
  printf("[%p][%20p][%-20p]\n", (void *)0x7fff1234, (void *)0x10,
         (void *)0xdeadbeef);
  printf("[%%][%5%][%-5%]\n");
  int n1, n2;
  long long nl;
  signed char nc;
  printf("abc%n defg%n%lln%hhn|\n", &n1, &n2, &nl, &nc);
  printf("%d %d %lld %d\n", n1, n2, nl, nc);
  /* snprintf truncation and return values. */
  char b[8];
  for (int cap = 0; cap < 8; cap++) {
    memset(b, 'Z', sizeof b);
    int r = snprintf(b, (size_t)cap, "%d-%s", 12345, "xyz");
    printf("cap %d: %d [%.8s]\n", cap, r, cap ? b : "");
  }
  /* Floating point: fixed values under many formats. */
  static const double fv[] = {0.0,
                              -0.0,
                              1.0,
                              -1.5,
                              0.1,
                              1e-5,
                              123456.789,
                              1e15,
                              1e16,
                              1e22,
                              1e-300,
                              5e-324,
                              1.7976931348623157e308,
                              2.5,
                              3.5,
                              0.125,
                              9.9999,
                              99999.5,
                              1e100};
  static const char *const ff[] = {
      "%f",     "%e",    "%g",    "%a",    "%.0f",    "%.0e",     "%.0g",
      "%.0a",   "%#.0f", "%#.0e", "%#g",   "%#.3a",   "%.1a",     "%.20f",
      "%.17g",  "%.3e",  "%+.2f", "% .4g", "%012.3f", "%-12.3e|", "%012a",
      "%-14a|", "%+a",   "% A",   "%E",    "%G",      "%F",       "%A",
      "%.15a",  "%.13a", "%#a"};
  for (size_t i = 0; i < sizeof fv / sizeof *fv; i++) {
    for (size_t j = 0; j < sizeof ff / sizeof *ff; j++) {
      printf(ff[j], fv[i]);
      putchar(' ');
    }
    putchar('\n');
  }
  double sp[] = {INFINITY, -INFINITY, NAN, -NAN};
  for (int i = 0; i < 4; i++)
    printf("[%f][%e][%g][%a][%F][%E][%G][%A][%10f][%-10e][%010g][%+f]\n", sp[i],
           sp[i], sp[i], sp[i], sp[i], sp[i], sp[i], sp[i], sp[i], sp[i], sp[i],
           sp[i]);
  /* Random doubles, all formats. */
  for (int i = 0; i < 3000; i++) {
    uint64_t bits = rnd();
    double d;
    memcpy(&d, &bits, 8);
    if (isnan(d))
      continue;
    printf("%.17g %a %.3a %.10e %g %.1f\n", d, d, d, d, d,
           fabs(d) < 1e30 ? d : 0.0);
    double e = (double)(int64_t)(rnd() % 2000000 - 1000000) / 1024.0;
    printf("%f %.2f %g %a %.0f %.0a\n", e, e, e, e, e, e);
  }
  /* long double. */
  long double lv[] = {0.0L,
                      1.0L,
                      -2.5L,
                      0.1L,
                      1e300L * 1e300L,
                      1.0L / 3,
                      3.14159265358979323846264338327950288L,
                      1e-4950L};
  for (size_t i = 0; i < sizeof lv / sizeof *lv; i++)
    printf("%Lf %Le %Lg %La %.30Lg %.3La %LA\n", lv[i], lv[i], lv[i], lv[i],
           lv[i], lv[i], lv[i]);
  /* Positional arguments. */
  printf("%2$s %1$d %3$.*4$f|%2$-6s|\n", 42, "ab", 3.14159, 2);
  printf("%1$*2$d|%1$-*2$d|%3$c %4$lld %5$Lf %6$p %7$zu\n", 7, 5, 'x', -9LL,
         2.5L, (void *)0x10, (size_t)99);
  printf("%3$s %1$s %2$s %1$s\n", "a", "b", "c");
  printf("%1$hhd %1$hd %1$d %2$lu %3$a %3$g\n", 300, 5UL, 0.1);
  /* Huge widths go through the allocation path. */
  int r = printf("%600.3f|%-700d|%.550f\n", 1.5, 7, 1.0 / 3);
  printf("ret %d\n", r);
  return 0;
}
