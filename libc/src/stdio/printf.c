/* printf.c: the printf family as thin wrappers over the engine. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap) {
  struct sfi_sink s;
  s.f = f;
  s.buf = 0;
  s.cap = 0;
  s.len = 0;
  s.err = 0;
  s.ntmp = 0;
  if (__sfi_towrite(f) < 0)
    return -1;
  int r = __sfi_vformat(&s, fmt, ap);
  if (r < 0 && s.ntmp)
    __sfi_fwrite_raw(s.tmp, s.ntmp, f);
  return r;
}

int vsnprintf(char *restrict buf, size_t cap, const char *restrict fmt,
              va_list ap) {
  struct sfi_sink s;
  s.f = 0;
  s.buf = buf;
  s.cap = cap;
  s.len = 0;
  s.err = 0;
  s.ntmp = 0;
  int r = __sfi_vformat(&s, fmt, ap);
  if (cap)
    buf[s.len < cap ? s.len : cap - 1] = 0;
  return r;
}

int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap) {
  return vsnprintf(buf, INT_MAX, fmt, ap);
}

int vprintf(const char *restrict fmt, va_list ap) {
  return vfprintf(stdout, fmt, ap);
}

int vasprintf(char **out, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(0, 0, fmt, ap2);
  va_end(ap2);
  *out = 0;
  if (n < 0)
    return -1;
  char *b = malloc((size_t)n + 1);
  if (!b)
    return -1;
  vsnprintf(b, (size_t)n + 1, fmt, ap);
  *out = b;
  return n;
}

int vdprintf(int fd, const char *restrict fmt, va_list ap) {
  char *b;
  int n = vasprintf(&b, fmt, ap);
  if (n < 0)
    return -1;
  const char *p = b;
  size_t left = (size_t)n;
  while (left) {
    ssize_t w = write(fd, p, left);
    if (w < 0) {
      free(b);
      return -1;
    }
    p += w;
    left -= (size_t)w;
  }
  free(b);
  return n;
}

#define WRAP(decl, call)                                                       \
  decl {                                                                       \
    va_list ap;                                                                \
    va_start(ap, fmt);                                                         \
    int r = call;                                                              \
    va_end(ap);                                                                \
    return r;                                                                  \
  }

WRAP(int printf(const char *restrict fmt, ...), vfprintf(stdout, fmt, ap))
WRAP(int fprintf(FILE *restrict f, const char *restrict fmt, ...),
     vfprintf(f, fmt, ap))
WRAP(int sprintf(char *restrict b, const char *restrict fmt, ...),
     vsprintf(b, fmt, ap))
WRAP(int snprintf(char *restrict b, size_t n, const char *restrict fmt, ...),
     vsnprintf(b, n, fmt, ap))
WRAP(int asprintf(char **b, const char *fmt, ...), vasprintf(b, fmt, ap))
WRAP(int dprintf(int fd, const char *restrict fmt, ...), vdprintf(fd, fmt, ap))
