/* strtol.c: strtol/strtoul/strtoll/strtoull/strtoimax/strtoumax and the
 * ato* family, on one digit scanner shared with scanf. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>

#include "internal.h"

static inline int digit(int c) {
  if ((unsigned)(c - '0') < 10u)
    return c - '0';
  c |= 32;
  if ((unsigned)(c - 'a') < 26u)
    return c - 'a' + 10;
  return 99;
}

/* Scans [space][sign][prefix]digits. Returns the magnitude, saturated to
 * ULLONG_MAX with *overflow set; *end is s when nothing was converted. */
HIDDEN unsigned long long __sfi_strtoull_base(const char *s, char **end,
                                              int base, int *neg,
                                              int *overflow) {
  const unsigned char *p = (const unsigned char *)s;
  *neg = 0;
  *overflow = 0;
  if (base < 0 || base == 1 || base > 36) {
    errno = EINVAL;
    if (end)
      *end = (char *)s;
    return 0;
  }
  while (isspace(*p))
    p++;
  if (*p == '+' || *p == '-')
    *neg = *p++ == '-';
  if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 32) == 'x' &&
      digit(p[2]) < 16) {
    p += 2;
    base = 16;
  } else if (base == 0) {
    base = p[0] == '0' ? 8 : 10;
  }
  const unsigned char *start = p;
  unsigned long long v = 0;
  int d;
  for (; (d = digit(*p)) < base; p++) {
    if (__builtin_mul_overflow(v, (unsigned)base, &v) ||
        __builtin_add_overflow(v, (unsigned)d, &v)) {
      *overflow = 1;
      v = ULLONG_MAX;
    }
  }
  if (end)
    *end = (char *)(p == start ? (const unsigned char *)s : p);
  return v;
}

static long long to_signed(const char *s, char **end, int base, long long min,
                           long long max) {
  int neg, of;
  unsigned long long v = __sfi_strtoull_base(s, end, base, &neg, &of);
  if (!neg && (of || v > (unsigned long long)max)) {
    errno = ERANGE;
    return max;
  }
  if (neg && (of || v > (unsigned long long)max + 1)) {
    errno = ERANGE;
    return min;
  }
  return neg ? (long long)(0 - v) : (long long)v;
}

static unsigned long long to_unsigned(const char *s, char **end, int base,
                                      unsigned long long max) {
  int neg, of;
  unsigned long long v = __sfi_strtoull_base(s, end, base, &neg, &of);
  if (of || v > max) {
    errno = ERANGE;
    return max;
  }
  return neg ? (0 - v) & max : v;
}

long strtol(const char *restrict s, char **restrict e, int b) {
  return (long)to_signed(s, e, b, LONG_MIN, LONG_MAX);
}
long long strtoll(const char *restrict s, char **restrict e, int b) {
  return to_signed(s, e, b, LLONG_MIN, LLONG_MAX);
}
unsigned long strtoul(const char *restrict s, char **restrict e, int b) {
  return (unsigned long)to_unsigned(s, e, b, ULONG_MAX);
}
unsigned long long strtoull(const char *restrict s, char **restrict e, int b) {
  return to_unsigned(s, e, b, ULLONG_MAX);
}
intmax_t strtoimax(const char *restrict s, char **restrict e, int b) {
  return to_signed(s, e, b, INTMAX_MIN, INTMAX_MAX);
}
uintmax_t strtoumax(const char *restrict s, char **restrict e, int b) {
  return to_unsigned(s, e, b, UINTMAX_MAX);
}
int atoi(const char *s) { return (int)strtol(s, 0, 10); }
long atol(const char *s) { return strtol(s, 0, 10); }
long long atoll(const char *s) { return strtoll(s, 0, 10); }
