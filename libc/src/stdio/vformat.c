/* vformat.c: the printf engine: flags, width, precision, every length
 * modifier and conversion. Floating point goes to the host's printf
 * through __sfi_sys_fmt_fp (so output matches glibc digit for digit),
 * except %a of a double, which we format here: the host takes a long
 * double, and glibc prints those with a different leading hex digit. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "internal.h"

#define FL_MINUS 1
#define FL_PLUS 2
#define FL_SPACE 4
#define FL_ALT 8
#define FL_ZERO 16

static void sink_flush(struct sfi_sink *s) {
  if (s->ntmp) {
    if (__sfi_fwrite_raw(s->tmp, s->ntmp, s->f) != s->ntmp)
      s->err = 1;
    s->ntmp = 0;
  }
}

static void out(struct sfi_sink *s, const char *p, size_t n) {
  if (s->f) {
    if (s->ntmp + n > sizeof s->tmp) {
      sink_flush(s);
      if (n > sizeof s->tmp) {
        if (__sfi_fwrite_raw(p, n, s->f) != n)
          s->err = 1;
        s->len += n;
        return;
      }
    }
    memcpy(s->tmp + s->ntmp, p, n);
    s->ntmp += n;
  } else if (s->cap && s->len < s->cap - 1) {
    size_t k = s->cap - 1 - s->len;
    memcpy(s->buf + s->len, p, n < k ? n : k);
  }
  s->len += n;
}

static void pad(struct sfi_sink *s, char c, long n) {
  char b[32];
  if (n <= 0)
    return;
  memset(b, c, sizeof b);
  for (; n > (long)sizeof b; n -= sizeof b)
    out(s, b, sizeof b);
  out(s, b, (size_t)n);
}

/* Writes prefix, zeros and body into a field of width w. */
static void field(struct sfi_sink *s, int fl, long w, const char *pre,
                  size_t npre, long zeros, const char *body, size_t nbody) {
  long total = (long)npre + (zeros > 0 ? zeros : 0) + (long)nbody;
  if (!(fl & FL_MINUS))
    pad(s, ' ', w - total);
  out(s, pre, npre);
  pad(s, '0', zeros);
  out(s, body, nbody);
  if (fl & FL_MINUS)
    pad(s, ' ', w - total);
}

static void fmt_int(struct sfi_sink *s, uintmax_t v, int neg, int conv, int fl,
                    long w, long prec) {
  char buf[72], *e = buf + sizeof buf, *p = e;
  char pre[4];
  size_t npre = 0;
  int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
  const char *dig = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  for (uintmax_t x = v; x; x /= (unsigned)base)
    *--p = dig[x % (unsigned)base];
  size_t nd = (size_t)(e - p);
  if (neg)
    pre[npre++] = '-';
  else if ((conv == 'd' || conv == 'i') && (fl & FL_PLUS))
    pre[npre++] = '+';
  else if ((conv == 'd' || conv == 'i') && (fl & FL_SPACE))
    pre[npre++] = ' ';
  if ((fl & FL_ALT) && base == 16 && v) {
    pre[npre++] = '0';
    pre[npre++] = (char)conv;
  }
  long zeros;
  if (prec >= 0) {
    zeros = prec - (long)nd;
    if ((fl & FL_ALT) && base == 8 && zeros <= 0 && (nd == 0 || *p != '0'))
      zeros = 1;
  } else {
    if (nd == 0)
      *--p = '0', nd = 1;
    else if ((fl & FL_ALT) && base == 8)
      *--p = '0', nd++;
    zeros = (fl & FL_ZERO) && !(fl & FL_MINUS) ? w - (long)npre - (long)nd : 0;
  }
  field(s, fl, w, pre, npre, zeros, p, nd);
}

/* %a/%A of a double, as glibc prints it: 1.hhh for normal numbers, 0.hhh
 * for subnormals (exponent -1022), round to nearest even when a precision
 * cuts digits, trailing zeros dropped without one. */
static void fmt_hex_double(struct sfi_sink *s, double d, int conv, int fl,
                           long w, long prec) {
  uint64_t bits;
  memcpy(&bits, &d, 8);
  int neg = (int)(bits >> 63);
  int ex = (int)((bits >> 52) & 0x7ff);
  uint64_t m = bits & 0xfffffffffffffull;
  int upper = conv == 'A';
  char pre[4];
  size_t npre = 0;
  if (neg)
    pre[npre++] = '-';
  else if (fl & FL_PLUS)
    pre[npre++] = '+';
  else if (fl & FL_SPACE)
    pre[npre++] = ' ';
  if (ex == 0x7ff) {
    const char *t = m ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    field(s, fl & ~FL_ZERO, w, pre, npre, 0, t, 3);
    return;
  }
  int lead = 1, e2;
  if (ex == 0) {
    lead = 0;
    e2 = m ? -1022 : 0;
  } else {
    e2 = ex - 1023;
  }
  /* 13 hex digits of fraction in m. */
  int nd = 13;
  if (prec >= 0 && prec < 13) {
    int drop = 4 * (13 - (int)prec);
    uint64_t rest = m & ((1ull << drop) - 1), half = 1ull << (drop - 1);
    m >>= drop;
    if (rest > half || (rest == half && ((prec ? m : (uint64_t)lead) & 1)))
      m++;
    if (m >> (4 * prec)) { /* carry into the leading digit */
      m &= (1ull << (4 * prec)) - 1;
      lead++;
    }
    nd = (int)prec;
  } else if (prec < 0) {
    while (nd > 0 && !(m & 15)) {
      m >>= 4;
      nd--;
    }
  }
  const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char body[64];
  size_t nb = 0;
  body[nb++] = (char)('0' + lead);
  if (nd > 0 || (fl & FL_ALT))
    body[nb++] = '.';
  for (int i = nd - 1; i >= 0; i--)
    body[nb++] = dig[(m >> (4 * i)) & 15];
  long zeros_after = prec > 13 ? prec - 13 : 0;
  char tail[16];
  size_t nt = 0;
  tail[nt++] = upper ? 'P' : 'p';
  tail[nt++] = e2 < 0 ? '-' : '+';
  unsigned ue = (unsigned)(e2 < 0 ? -e2 : e2);
  char eb[8];
  int ne = 0;
  do
    eb[ne++] = (char)('0' + ue % 10);
  while (ue /= 10);
  while (ne)
    tail[nt++] = eb[--ne];
  pre[npre++] = '0';
  pre[npre++] = upper ? 'X' : 'x';
  long total = (long)npre + (long)nb + zeros_after + (long)nt;
  if ((fl & FL_ZERO) && !(fl & FL_MINUS)) {
    out(s, pre, npre);
    pad(s, '0', w - total);
  } else if (!(fl & FL_MINUS)) {
    pad(s, ' ', w - total);
    out(s, pre, npre);
  } else {
    out(s, pre, npre);
  }
  out(s, body, nb);
  pad(s, '0', zeros_after);
  out(s, tail, nt);
  if (fl & FL_MINUS)
    pad(s, ' ', w - total);
}

static void fmt_fp(struct sfi_sink *s, long double v, int conv, int fl, long w,
                   long prec) {
  char small[512];
  char *b = small;
  if (w > INT_MAX || prec > INT_MAX) {
    s->err = 1;
    errno = EOVERFLOW;
    return;
  }
  int n = __sfi_sys_fmt_fp(b, sizeof small, conv, fl, (int)w, (int)prec, v);
  if (n < 0) {
    s->err = 1;
    return;
  }
  if ((size_t)n >= sizeof small) {
    b = malloc((size_t)n + 1);
    if (!b) {
      s->err = 1;
      return;
    }
    __sfi_sys_fmt_fp(b, (size_t)n + 1, conv, fl, (int)w, (int)prec, v);
  }
  out(s, b, (size_t)n);
  if (b != small)
    free(b);
}

enum { L_NONE, L_HH, L_H, L_L, L_LL, L_J, L_Z, L_T, L_LD };

HIDDEN int __sfi_vformat(struct sfi_sink *s, const char *fmt, va_list ap) {
  const char *p = fmt;
  while (*p) {
    if (*p != '%') {
      const char *q = strchrnul(p, '%');
      out(s, p, (size_t)(q - p));
      p = q;
      continue;
    }
    const char *spec = p++;
    int fl = 0;
    for (;; p++) {
      if (*p == '-')
        fl |= FL_MINUS;
      else if (*p == '+')
        fl |= FL_PLUS;
      else if (*p == ' ')
        fl |= FL_SPACE;
      else if (*p == '#')
        fl |= FL_ALT;
      else if (*p == '0')
        fl |= FL_ZERO;
      else if (*p != '\'' && *p != 'I')
        break;
    }
    long w = 0, prec = -1;
    if (*p == '*') {
      int a = va_arg(ap, int);
      if (a < 0) {
        fl |= FL_MINUS;
        w = -(long)a;
      } else {
        w = a;
      }
      p++;
    } else {
      while ((unsigned)(*p - '0') < 10u)
        w = w * 10 + (*p++ - '0');
    }
    if (*p == '.') {
      p++;
      if (*p == '*') {
        int a = va_arg(ap, int);
        prec = a < 0 ? -1 : a;
        p++;
      } else {
        prec = 0;
        while ((unsigned)(*p - '0') < 10u)
          prec = prec * 10 + (*p++ - '0');
      }
    }
    if (w > INT_MAX || prec > INT_MAX) {
      errno = EOVERFLOW;
      return -1;
    }
    int len = L_NONE;
    switch (*p) {
    case 'h':
      len = p[1] == 'h' ? (p++, L_HH) : L_H;
      p++;
      break;
    case 'l':
      len = p[1] == 'l' ? (p++, L_LL) : L_L;
      p++;
      break;
    case 'q':
      len = L_LL;
      p++;
      break;
    case 'j':
      len = L_J;
      p++;
      break;
    case 'z':
    case 'Z':
      len = L_Z;
      p++;
      break;
    case 't':
      len = L_T;
      p++;
      break;
    case 'L':
      len = L_LD;
      p++;
      break;
    }
    int conv = *p++;
    switch (conv) {
    case 'd':
    case 'i': {
      intmax_t v;
      switch (len) {
      case L_HH:
        v = (signed char)va_arg(ap, int);
        break;
      case L_H:
        v = (short)va_arg(ap, int);
        break;
      case L_L:
        v = va_arg(ap, long);
        break;
      case L_LL:
      case L_LD:
        v = va_arg(ap, long long);
        break;
      case L_J:
        v = va_arg(ap, intmax_t);
        break;
      case L_Z:
        v = va_arg(ap, ssize_t);
        break;
      case L_T:
        v = va_arg(ap, ptrdiff_t);
        break;
      default:
        v = va_arg(ap, int);
        break;
      }
      uintmax_t u = v < 0 ? 0 - (uintmax_t)v : (uintmax_t)v;
      fmt_int(s, u, v < 0, conv, fl, w, prec);
      break;
    }
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      uintmax_t v;
      switch (len) {
      case L_HH:
        v = (unsigned char)va_arg(ap, unsigned);
        break;
      case L_H:
        v = (unsigned short)va_arg(ap, unsigned);
        break;
      case L_L:
        v = va_arg(ap, unsigned long);
        break;
      case L_LL:
      case L_LD:
        v = va_arg(ap, unsigned long long);
        break;
      case L_J:
        v = va_arg(ap, uintmax_t);
        break;
      case L_Z:
        v = va_arg(ap, size_t);
        break;
      case L_T:
        v = (uintmax_t)va_arg(ap, ptrdiff_t);
        break;
      default:
        v = va_arg(ap, unsigned);
        break;
      }
      fmt_int(s, v, 0, conv, fl & ~(FL_PLUS | FL_SPACE), w, prec);
      break;
    }
    case 'p': {
      void *v = va_arg(ap, void *);
      if (!v)
        field(s, fl, w, "", 0, 0, "(nil)", 5);
      else
        fmt_int(s, (uintptr_t)v, 0, 'x', (fl | FL_ALT) & ~FL_SPACE & ~FL_PLUS,
                w, prec);
      break;
    }
    case 'c': {
      if (len == L_L) {
        char mb[8];
        mbstate_t st = {0};
        size_t n = wcrtomb(mb, (wchar_t)va_arg(ap, wint_t), &st);
        if (n == (size_t)-1) {
          s->err = 1;
          break;
        }
        field(s, fl, w, "", 0, 0, mb, n);
      } else {
        char c = (char)va_arg(ap, int);
        field(s, fl, w, "", 0, 0, &c, 1);
      }
      break;
    }
    case 's': {
      if (len == L_L) {
        const wchar_t *ws = va_arg(ap, const wchar_t *);
        if (!ws)
          ws = L"(null)";
        /* Count the bytes that fit in the precision, whole characters. */
        size_t n = 0;
        char mb[8];
        mbstate_t st = {0};
        for (const wchar_t *q = ws; *q; q++) {
          size_t k = wcrtomb(mb, *q, &st);
          if (k == (size_t)-1)
            return -1;
          if (prec >= 0 && n + k > (size_t)prec)
            break;
          n += k;
        }
        long total = (long)n;
        if (!(fl & FL_MINUS))
          pad(s, ' ', w - total);
        size_t done = 0;
        for (const wchar_t *q = ws; *q && done < n; q++) {
          size_t k = wcrtomb(mb, *q, &st);
          out(s, mb, k);
          done += k;
        }
        if (fl & FL_MINUS)
          pad(s, ' ', w - total);
        break;
      }
      const char *str = va_arg(ap, const char *);
      if (!str)
        str = (prec < 0 || prec >= 6) ? "(null)" : "";
      size_t n = prec >= 0 ? strnlen(str, (size_t)prec) : strlen(str);
      field(s, fl, w, "", 0, 0, str, n);
      break;
    }
    case 'm': {
      const char *str = strerror(errno);
      field(s, fl, w, "", 0, 0, str, strlen(str));
      break;
    }
    case 'n': {
      void *ptr = va_arg(ap, void *);
      switch (len) {
      case L_HH:
        *(signed char *)ptr = (signed char)s->len;
        break;
      case L_H:
        *(short *)ptr = (short)s->len;
        break;
      case L_L:
        *(long *)ptr = (long)s->len;
        break;
      case L_LL:
      case L_LD:
        *(long long *)ptr = (long long)s->len;
        break;
      case L_J:
        *(intmax_t *)ptr = (intmax_t)s->len;
        break;
      case L_Z:
        *(size_t *)ptr = s->len;
        break;
      case L_T:
        *(ptrdiff_t *)ptr = (ptrdiff_t)s->len;
        break;
      default:
        *(int *)ptr = (int)s->len;
        break;
      }
      break;
    }
    case 'a':
    case 'A':
      if (len != L_LD) {
        fmt_hex_double(s, va_arg(ap, double), conv, fl, w, prec);
        break;
      }
      /* fall through */
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      long double v = len == L_LD ? va_arg(ap, long double)
                                  : (long double)va_arg(ap, double);
      fmt_fp(s, v, conv, fl, w, prec);
      break;
    }
    case '%':
      out(s, "%", 1);
      break;
    default:
      /* Unknown conversion: print it as written, as glibc does. */
      if (!conv)
        p--;
      out(s, spec, (size_t)(p - spec));
      break;
    }
    if (s->err)
      return -1;
  }
  if (s->f)
    sink_flush(s);
  if (s->err)
    return -1;
  if (s->len > INT_MAX) {
    errno = EOVERFLOW;
    return -1;
  }
  return (int)s->len;
}
