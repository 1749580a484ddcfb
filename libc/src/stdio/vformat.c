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
#include "lenmod.h"

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
  int n = __sfi_sys_fmt_fp(b, sizeof small, SFI_FMT_SPEC(conv, fl), (int)w, (int)prec, &v);
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
    __sfi_sys_fmt_fp(b, (size_t)n + 1, SFI_FMT_SPEC(conv, fl), (int)w, (int)prec, &v);
  }
  out(s, b, (size_t)n);
  if (b != small)
    free(b);
}

/* ---- Positional arguments ("%2$s %1$d", POSIX and glibc) ------------
 * A first pass learns each argument's type from the conversions that use
 * it, then all are fetched from the va_list in order; the formatting pass
 * reads them by number. Without positions, arguments come straight from
 * the va_list (the numbers are then ignored). */
#define MAX_POS 128
enum {
  T_NONE,
  T_INT,
  T_LONG,
  T_LLONG,
  T_INTMAX,
  T_SIZE,
  T_PTRDIFF,
  T_DBL,
  T_LDBL,
  T_PTR
};
union arg {
  uintmax_t i;
  double d;
  long double ld;
  void *p;
};
struct args {
  va_list ap;
  union arg *vals; /* NULL: sequential */
};

/* Reads "<digits>$" at *p; returns the number (>= 1) or 0, moving *p
 * past it only on success. */
static int arg_pos(const char **p) {
  const char *q = *p;
  long n = 0;
  while ((unsigned)(*q - '0') < 10u && n <= MAX_POS)
    n = n * 10 + (*q++ - '0');
  if (*q != '$' || n < 1)
    return 0;
  *p = q + 1;
  return (int)n;
}

static int int_type(int len) {
  switch (len) {
  case L_L:
    return T_LONG;
  case L_LL:
  case L_LD:
    return T_LLONG;
  case L_J:
    return T_INTMAX;
  case L_Z:
    return T_SIZE;
  case L_T:
    return T_PTRDIFF;
  default:
    return T_INT;
  }
}

/* Skips a width or precision at *pp: digits, or "*<n>$", whose argument
 * n is then an int (types[n], *max); -1 if n is out of range. */
static int skip_count(const char **pp, unsigned char *types, int *max) {
  const char *p = *pp;
  if (*p == '*') {
    p++;
    int m = arg_pos(&p);
    if (m < 1 || m > MAX_POS)
      return -1;
    types[m] = T_INT;
    *max = m > *max ? m : *max;
  }
  while ((unsigned)(*p - '0') < 10u)
    p++;
  *pp = p;
  return 0;
}

/* Sets types[n] for every numbered argument; returns the highest number,
 * 0 if the format uses no positions, -1 if one is out of range. */
static int collect_types(const char *p, unsigned char *types) {
  int max = 0, seq = 0;
  while ((p = strchr(p, '%'))) {
    p++;
    if (*p == '%') {
      p++;
      continue;
    }
    int n = arg_pos(&p);
    if (!n && !max)
      return 0; /* not a positional format */
    while (*p && strchr("-+ #0'I", *p))
      p++;
    if (skip_count(&p, types, &max) < 0)
      return -1; /* the width */
    if (*p == '.') {
      p++;
      if (skip_count(&p, types, &max) < 0)
        return -1; /* the precision */
    }
    int len;
    p += lenmod_parse(p, LENMOD_Z, &len);
    int t;
    switch (*p) {
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
      t = int_type(len);
      break;
    case 'c':
      t = T_INT;
      break;
    case 's':
    case 'p':
    case 'n':
      t = T_PTR;
      break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'a':
    case 'A':
      t = len == L_LD ? T_LDBL : T_DBL;
      break;
    default:
      t = T_NONE;
    }
    if (!*p)
      break;
    p++;
    if (t == T_NONE)
      continue;
    if (!n)
      n = ++seq;
    if (n > MAX_POS)
      return -1;
    types[n] = (unsigned char)t;
    max = n > max ? n : max;
  }
  return max;
}

static void fetch_all(struct args *a, const unsigned char *types, int max,
                      union arg *vals) {
  for (int i = 1; i <= max; i++) {
    switch (types[i]) {
    case T_LONG:
      vals[i - 1].i = (uintmax_t)va_arg(a->ap, long);
      break;
    case T_LLONG:
      vals[i - 1].i = (uintmax_t)va_arg(a->ap, long long);
      break;
    case T_INTMAX:
      vals[i - 1].i = (uintmax_t)va_arg(a->ap, intmax_t);
      break;
    case T_SIZE:
      vals[i - 1].i = (uintmax_t)va_arg(a->ap, size_t);
      break;
    case T_PTRDIFF:
      vals[i - 1].i = (uintmax_t)va_arg(a->ap, ptrdiff_t);
      break;
    case T_DBL:
      vals[i - 1].d = va_arg(a->ap, double);
      break;
    case T_LDBL:
      vals[i - 1].ld = va_arg(a->ap, long double);
      break;
    case T_PTR:
      vals[i - 1].p = va_arg(a->ap, void *);
      break;
    default: /* T_INT, and unused numbers (taken as int, as glibc does) */
      vals[i - 1].i = (uintmax_t)(intmax_t)va_arg(a->ap, int);
      break;
    }
  }
}

#define NEXT_I(T, n) (pa->vals ? (T)pa->vals[(n)-1].i : va_arg(pa->ap, T))
#define NEXT_P(T, n) (pa->vals ? (T)pa->vals[(n)-1].p : va_arg(pa->ap, T))
#define NEXT_D(n) (pa->vals ? pa->vals[(n)-1].d : va_arg(pa->ap, double))
#define NEXT_LD(n) (pa->vals ? pa->vals[(n)-1].ld : va_arg(pa->ap, long double))

/* One conversion's specification: %[n$][flags][width][.prec][length]conv,
 * with * widths and precisions already fetched. */
struct fmt_spec {
  int argn; /* the argument's number (1-based; 0 for %% and %m) */
  int fl, len, conv;
  long w, prec;
};

/* A * width or precision: its argument, numbered or the next in order. */
static int star_arg(const char **pp, struct args *pa, int *seqp) {
  int n = arg_pos(pp);
  return NEXT_I(int, n ? n : ++*seqp);
}

/* Reads a specification at p (just past the '%') into *sp; returns the
 * address after the conversion character, or NULL (errno EOVERFLOW) if
 * the width or precision does not fit an int. */
static const char *read_spec(const char *p, struct args *pa, int *seqp,
                             struct fmt_spec *sp) {
  sp->argn = arg_pos(&p); /* 0: the next one in order */
  sp->fl = 0;
  for (;; p++) {
    if (*p == '-')
      sp->fl |= FL_MINUS;
    else if (*p == '+')
      sp->fl |= FL_PLUS;
    else if (*p == ' ')
      sp->fl |= FL_SPACE;
    else if (*p == '#')
      sp->fl |= FL_ALT;
    else if (*p == '0')
      sp->fl |= FL_ZERO;
    else if (*p != '\'' && *p != 'I')
      break;
  }
  sp->w = 0;
  sp->prec = -1;
  if (*p == '*') {
    p++;
    int a = star_arg(&p, pa, seqp);
    if (a < 0) {
      sp->fl |= FL_MINUS;
      sp->w = -(long)a;
    } else {
      sp->w = a;
    }
  } else {
    while ((unsigned)(*p - '0') < 10u)
      sp->w = sp->w * 10 + (*p++ - '0');
  }
  if (*p == '.') {
    p++;
    if (*p == '*') {
      p++;
      int a = star_arg(&p, pa, seqp);
      sp->prec = a < 0 ? -1 : a;
    } else {
      sp->prec = 0;
      while ((unsigned)(*p - '0') < 10u)
        sp->prec = sp->prec * 10 + (*p++ - '0');
    }
  }
  if (sp->w > INT_MAX || sp->prec > INT_MAX) {
    errno = EOVERFLOW;
    return NULL;
  }
  p += lenmod_parse(p, LENMOD_Z, &sp->len);
  sp->conv = *p++;
  if (!sp->argn && sp->conv != '%' && sp->conv != 'm')
    sp->argn = ++*seqp;
  return p;
}

/* %d %i: the argument as the length modifier's signed type. */
static intmax_t signed_arg(struct args *pa, const struct fmt_spec *sp) {
  int argn = sp->argn;
  switch (sp->len) {
  case L_HH:
    return (signed char)NEXT_I(int, argn);
  case L_H:
    return (short)NEXT_I(int, argn);
  case L_L:
    return NEXT_I(long, argn);
  case L_LL:
  case L_LD:
    return NEXT_I(long long, argn);
  case L_J:
    return NEXT_I(intmax_t, argn);
  case L_Z:
    return NEXT_I(ssize_t, argn);
  case L_T:
    return NEXT_I(ptrdiff_t, argn);
  default:
    return NEXT_I(int, argn);
  }
}

/* %u %o %x %X: the argument as the length modifier's unsigned type. */
static uintmax_t unsigned_arg(struct args *pa, const struct fmt_spec *sp) {
  int argn = sp->argn;
  switch (sp->len) {
  case L_HH:
    return (unsigned char)NEXT_I(unsigned, argn);
  case L_H:
    return (unsigned short)NEXT_I(unsigned, argn);
  case L_L:
    return NEXT_I(unsigned long, argn);
  case L_LL:
  case L_LD:
    return NEXT_I(unsigned long long, argn);
  case L_J:
    return NEXT_I(uintmax_t, argn);
  case L_Z:
    return NEXT_I(size_t, argn);
  case L_T:
    return (uintmax_t)NEXT_I(ptrdiff_t, argn);
  default:
    return NEXT_I(unsigned, argn);
  }
}

/* %c and %lc. */
static void conv_char(struct sfi_sink *s, struct args *pa,
                      const struct fmt_spec *sp) {
  if (sp->len == L_L) {
    char mb[8];
    mbstate_t st = {0};
    size_t n = wcrtomb(mb, (wchar_t)NEXT_I(wint_t, sp->argn), &st);
    if (n == (size_t)-1) {
      s->err = 1;
      return;
    }
    field(s, sp->fl, sp->w, "", 0, 0, mb, n);
  } else {
    char c = (char)NEXT_I(int, sp->argn);
    field(s, sp->fl, sp->w, "", 0, 0, &c, 1);
  }
}

/* %ls: whole multibyte characters within the precision; -1 if one does
 * not convert. */
static int conv_wide_string(struct sfi_sink *s, struct args *pa,
                            const struct fmt_spec *sp) {
  const wchar_t *ws = NEXT_P(const wchar_t *, sp->argn);
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
    if (sp->prec >= 0 && n + k > (size_t)sp->prec)
      break;
    n += k;
  }
  long total = (long)n;
  if (!(sp->fl & FL_MINUS))
    pad(s, ' ', sp->w - total);
  size_t done = 0;
  for (const wchar_t *q = ws; *q && done < n; q++) {
    size_t k = wcrtomb(mb, *q, &st);
    out(s, mb, k);
    done += k;
  }
  if (sp->fl & FL_MINUS)
    pad(s, ' ', sp->w - total);
  return 0;
}

/* %s (and %ls); -1 on a wide character that does not convert. */
static int conv_string(struct sfi_sink *s, struct args *pa,
                       const struct fmt_spec *sp) {
  if (sp->len == L_L)
    return conv_wide_string(s, pa, sp);
  const char *str = NEXT_P(const char *, sp->argn);
  if (!str)
    str = (sp->prec < 0 || sp->prec >= 6) ? "(null)" : "";
  size_t n = sp->prec >= 0 ? strnlen(str, (size_t)sp->prec) : strlen(str);
  field(s, sp->fl, sp->w, "", 0, 0, str, n);
  return 0;
}

/* One conversion; -1 on an error that ends the call at once. *pp is past
 * the conversion character (moved back onto a terminating NUL). */
static int convert(struct sfi_sink *s, struct args *pa,
                   const struct fmt_spec *sp, const char *spec,
                   const char **pp) {
  int conv = sp->conv, fl = sp->fl;
  long w = sp->w, prec = sp->prec;
  switch (conv) {
  case 'd':
  case 'i': {
    intmax_t v = signed_arg(pa, sp);
    uintmax_t u = v < 0 ? 0 - (uintmax_t)v : (uintmax_t)v;
    fmt_int(s, u, v < 0, conv, fl, w, prec);
    break;
  }
  case 'u':
  case 'o':
  case 'x':
  case 'X':
    fmt_int(s, unsigned_arg(pa, sp), 0, conv, fl & ~(FL_PLUS | FL_SPACE), w,
            prec);
    break;
  case 'p': {
    void *v = NEXT_P(void *, sp->argn);
    if (!v)
      field(s, fl, w, "", 0, 0, "(nil)", 5);
    else
      fmt_int(s, (uintptr_t)v, 0, 'x', (fl | FL_ALT) & ~FL_SPACE & ~FL_PLUS,
              w, prec);
    break;
  }
  case 'c':
    conv_char(s, pa, sp);
    break;
  case 's':
    return conv_string(s, pa, sp);
  case 'm': {
    const char *str = strerror(errno);
    field(s, fl, w, "", 0, 0, str, strlen(str));
    break;
  }
  case 'n':
    lenmod_store(NEXT_P(void *, sp->argn), sp->len, (uintmax_t)s->len);
    break;
  case 'a':
  case 'A':
    if (sp->len != L_LD) {
      fmt_hex_double(s, NEXT_D(sp->argn), conv, fl, w, prec);
      break;
    }
    /* fall through */
  case 'e':
  case 'E':
  case 'f':
  case 'F':
  case 'g':
  case 'G': {
    long double v = sp->len == L_LD ? NEXT_LD(sp->argn)
                                    : (long double)NEXT_D(sp->argn);
    fmt_fp(s, v, conv, fl, w, prec);
    break;
  }
  case '%':
    out(s, "%", 1);
    break;
  default:
    /* Unknown conversion: print it as written, as glibc does. */
    if (!conv)
      --*pp;
    out(s, spec, (size_t)(*pp - spec));
    break;
  }
  return 0;
}

static int format(struct sfi_sink *s, const char *fmt, struct args *pa,
                  int *seqp) {
  const char *p = fmt;
  while (*p) {
    if (*p != '%') {
      const char *q = strchrnul(p, '%');
      out(s, p, (size_t)(q - p));
      p = q;
      continue;
    }
    const char *spec = p;
    struct fmt_spec sp;
    p = read_spec(p + 1, pa, seqp, &sp);
    if (!p || convert(s, pa, &sp, spec, &p) < 0 || s->err)
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

HIDDEN int __sfi_vformat(struct sfi_sink *s, const char *fmt, va_list ap) {
  struct args a;
  union arg vals[MAX_POS];
  unsigned char types[MAX_POS + 1] = {0};
  int seq = 0; /* numbers given to unnumbered conversions */
  va_copy(a.ap, ap);
  a.vals = 0;
  int max = collect_types(fmt, types);
  if (max < 0) {
    va_end(a.ap);
    errno = EINVAL;
    return -1;
  }
  if (max > 0) {
    fetch_all(&a, types, max, vals);
    a.vals = vals;
  }
  int r = format(s, fmt, &a, &seq);
  va_end(a.ap);
  return r;
}
