/* fmt_fp.c: __sfi_sys_fmt_fp: printf one floating-point value with the
 * host's printf (so output equals glibc's). The format string is built only
 * from validated integers; the result goes into a host buffer first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sys.h"

#define FMT_WIDTH_MAX 100000

int sfi__sys_fmt_fp(uint64_t buf, uint64_t cap, int spec, int width, int prec,
                    uint64_t valuep) {
  int conv = spec & 0xff, flags = spec >> 8;
  sfi_instance *in = sfi_current();
  /* By address: a long double argument would go on the native stack. */
  const void *vp = sfi_ptr(in, valuep, 10, 0);
  if (!vp)
    return -EFAULT;
  long double value;
  memcpy(&value, vp, 10);
  if (!conv || !strchr("aAeEfFgG", conv) || (flags & ~31) || width < 0 ||
      width > FMT_WIDTH_MAX || prec > FMT_WIDTH_MAX)
    return -EINVAL;
  char *dst = cap ? sfi_ptr(in, buf, cap, 1) : NULL;
  if (cap && !dst)
    return -EFAULT;
  char fmt[16], *f = fmt;
  *f++ = '%';
  if (flags & 1)
    *f++ = '-';
  if (flags & 2)
    *f++ = '+';
  if (flags & 4)
    *f++ = ' ';
  if (flags & 8)
    *f++ = '#';
  if (flags & 16)
    *f++ = '0';
  memcpy(f, "*.*L", 4);
  f += 4;
  *f++ = (char)conv;
  *f = 0;
  if (prec < 0)
    prec = -1; /* a negative precision is taken as if omitted */
  int n = snprintf(NULL, 0, fmt, width, prec, value);
  if (n < 0)
    return -EINVAL;
  char *tmp = malloc((size_t)n + 1);
  if (!tmp)
    return -ENOMEM;
  snprintf(tmp, (size_t)n + 1, fmt, width, prec, value);
  if (cap) {
    size_t k = (size_t)n < cap - 1 ? (size_t)n : cap - 1;
    memcpy(dst, tmp, k);
    dst[k] = 0;
  }
  free(tmp);
  return n;
}
