/* strtod.c: strtod/strtof/strtold round trips over random doubles (%.17g
 * and %a back to the same bits), hard cases, errno, and end pointers. */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t st = 88172645463325252ull;
static uint64_t rnd(void) {
  st ^= st << 13;
  st ^= st >> 7;
  st ^= st << 17;
  return st;
}

int main(void) {
  char buf[64], *end;
  int bad = 0;
  for (int i = 0; i < 200000; i++) {
    uint64_t bits = rnd(), back;
    double d;
    memcpy(&d, &bits, 8);
    if (isnan(d))
      continue;
    snprintf(buf, sizeof buf, i & 1 ? "%.17g" : "%a", d);
    double e = strtod(buf, &end);
    memcpy(&back, &e, 8);
    if (back != bits || *end) {
      if (bad++ < 10)
        printf("round trip failed: %s\n", buf);
    }
  }
  printf("double round trips: %d failures\n", bad);
  bad = 0;
  for (int i = 0; i < 100000; i++) {
    uint32_t bits = (uint32_t)rnd(), back;
    float f;
    memcpy(&f, &bits, 4);
    if (isnan(f))
      continue;
    snprintf(buf, sizeof buf, "%.9g", f);
    float g = strtof(buf, 0);
    memcpy(&back, &g, 4);
    if (back != bits && bad++ < 10)
      printf("float round trip failed: %s\n", buf);
  }
  printf("float round trips: %d failures\n", bad);
  /* Decimal strings of random digits: the result must be correctly
   * rounded, so it must equal glibc's bit for bit. */
  uint64_t h = 1469598103934665603ull;
  for (int i = 0; i < 50000; i++) {
    int nd = 1 + (int)(rnd() % 30), k = 0;
    if (rnd() & 1)
      buf[k++] = '-';
    for (int j = 0; j < nd; j++) {
      buf[k++] = (char)('0' + rnd() % 10);
      if (j == 0 && (rnd() & 1))
        buf[k++] = '.';
    }
    k += snprintf(buf + k, 16, "e%d", (int)(rnd() % 700) - 350);
    double d = strtod(buf, 0);
    long double ld = strtold(buf, 0);
    float f = strtof(buf, 0);
    uint64_t b;
    memcpy(&b, &d, 8);
    h = (h ^ b) * 1099511628211ull;
    uint32_t fb;
    memcpy(&fb, &f, 4);
    h = (h ^ fb) * 1099511628211ull;
    unsigned char lb[10];
    memcpy(lb, &ld, 10);
    for (int j = 0; j < 10; j++)
      h = (h ^ lb[j]) * 1099511628211ull;
  }
  printf("random decimal hash %016llx\n", (unsigned long long)h);
  static const char *const hard[] = {"2.2250738585072011e-308",
                                     "2.2250738585072012e-308",
                                     "4.9406564584124654e-324",
                                     "2.4703282292062327e-324",
                                     "2.4703282292062328e-324",
                                     "1.7976931348623157e308",
                                     "1.7976931348623158e308",
                                     "1.7976931348623159e308",
                                     "1e309",
                                     "-1e309",
                                     "1e-400",
                                     "0x1p-1074",
                                     "0x1.fffffffffffff8p1023",
                                     "0X1P+2",
                                     "0x.8",
                                     "inf",
                                     "-Infinity",
                                     "nan",
                                     "NAN(123)",
                                     "  +.5e-1x",
                                     "1e",
                                     "1e+",
                                     ".",
                                     "-",
                                     "0x",
                                     "0xg",
                                     "1.0e10000",
                                     "9007199254740993",
                                     "123456789012345678901234567890",
                                     "0.000000000000000000000000000001",
                                     "1,5",
                                     "   \t\n12"};
  for (size_t i = 0; i < sizeof hard / sizeof *hard; i++) {
    errno = 0;
    double d = strtod(hard[i], &end);
    int e1 = errno;
    errno = 0;
    float f = strtof(hard[i], 0);
    int e2 = errno;
    long double ld = strtold(hard[i], 0);
    printf("%-32s -> %a (%d) %a (%d) %La used %d\n", hard[i], d, e1 ? 1 : 0,
           (double)f, e2 ? 1 : 0, ld, (int)(end - hard[i]));
  }
  printf("atof %g\n", atof("  -12.5e1"));
  return 0;
}
