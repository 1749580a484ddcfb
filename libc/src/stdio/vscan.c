/* vscan.c: the scanf engine and the scanf family. Numbers are collected
 * into a small buffer following the C grammar (within the field width)
 * and converted by strto*, so scanf and strtod always agree. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "internal.h"
#include "lenmod.h"

static int get(struct sfi_source *s) {
  int c;
  if (s->f) {
    c = fgetc(s->f);
  } else {
    c = *s->s ? *s->s++ : EOF;
  }
  if (c == EOF)
    s->eof = 1;
  else
    s->count++;
  return c;
}

static void unget(struct sfi_source *s, int c) {
  if (c == EOF)
    return;
  s->count--;
  if (s->f)
    ungetc(c, s->f);
  else
    s->s--;
}

static int skip_space(struct sfi_source *s) {
  int c;
  while ((c = get(s)) != EOF && isspace(c))
    ;
  unget(s, c);
  return c;
}

#define NBUF 512

/* Collects an integer of the given base (0: C prefix rules) into b. */
static size_t scan_int(struct sfi_source *s, char *b, size_t width, int base) {
  size_t n = 0;
  int c = get(s);
  if ((c == '+' || c == '-') && n < width) {
    b[n++] = (char)c;
    c = get(s);
  }
  if ((base == 0 || base == 16) && c == '0' && n < width) {
    b[n++] = (char)c;
    c = get(s);
    if ((c | 32) == 'x' && n < width) {
      b[n++] = (char)c;
      c = get(s);
      base = 16;
    } else if (base == 0) {
      base = 8;
    }
  }
  if (!base)
    base = 10;
  for (; n < width && n < NBUF - 1 && c != EOF; c = get(s)) {
    int d = (unsigned)(c - '0') < 10u          ? c - '0'
            : (unsigned)((c | 32) - 'a') < 26u ? (c | 32) - 'a' + 10
                                               : 99;
    if (d >= base)
      break;
    b[n++] = (char)c;
  }
  unget(s, c);
  b[n] = 0;
  return n;
}

static int match_word(struct sfi_source *s, char *b, size_t *n, size_t width,
                      const char *w) {
  for (; *w; w++) {
    int c = get(s);
    if (*n >= width || (c | 32) != *w) {
      unget(s, c);
      return 0;
    }
    b[(*n)++] = (char)c;
  }
  return 1;
}

static size_t scan_float(struct sfi_source *s, char *b, size_t width) {
  size_t n = 0;
  int c = get(s);
  if ((c == '+' || c == '-') && n < width) {
    b[n++] = (char)c;
    c = get(s);
  }
  unget(s, c);
  if ((c | 32) == 'i') {
    if (match_word(s, b, &n, width, "inf"))
      match_word(s, b, &n, width, "inity");
    b[n] = 0;
    return n;
  }
  if ((c | 32) == 'n') {
    if (match_word(s, b, &n, width, "nan")) {
      c = get(s);
      if (c == '(' && n < width) {
        b[n++] = '(';
        while (n < width && n < NBUF - 2 && (c = get(s)) != EOF &&
               (isalnum(c) || c == '_'))
          b[n++] = (char)c;
        if (c == ')')
          b[n++] = ')';
        else
          unget(s, c);
      } else {
        unget(s, c);
      }
    }
    b[n] = 0;
    return n;
  }
  int hex = 0, digits = 0;
  c = get(s);
  if (c == '0' && n < width) {
    b[n++] = '0';
    digits = 1;
    c = get(s);
    if ((c | 32) == 'x' && n < width) {
      b[n++] = (char)c;
      hex = 1;
      digits = 0;
      c = get(s);
    }
  }
  int dot = 0;
  for (; n < width && n < NBUF - 8 && c != EOF; c = get(s)) {
    if (c == '.' && !dot) {
      dot = 1;
    } else if (hex ? isxdigit(c) : isdigit(c)) {
      digits = 1;
    } else {
      break;
    }
    b[n++] = (char)c;
  }
  if (digits && n < width && (c | 32) == (hex ? 'p' : 'e')) {
    b[n++] = (char)c;
    c = get(s);
    if ((c == '+' || c == '-') && n < width) {
      b[n++] = (char)c;
      c = get(s);
    }
    for (; n < width && n < NBUF - 1 && isdigit(c); c = get(s))
      b[n++] = (char)c;
  }
  unget(s, c);
  b[n] = 0;
  return digits ? n : 0;
}

/* One conversion's specification: %[*][width][m][length]conv. */
struct scan_spec {
  int suppress, alloc, len, conv;
  size_t width;
};

/* What the scan has done so far; a conversion that cannot go on ends the
 * scan with result(): EOF for an input failure before the first
 * conversion, else the number of assignments. */
struct scan_state {
  int assigned, converted;
};

static int result(const struct scan_state *st, int input_failed) {
  return input_failed && !st->converted ? EOF : st->assigned;
}

/* The conversions below return -1 when they succeed, else the scan's
 * result. */

/* %d %i %u %o %x %X %p: collected by scan_int, converted by strtoull's
 * engine; signed conversions saturate like strtoll. */
static int conv_int(struct sfi_source *s, struct scan_state *st,
                    const struct scan_spec *sp, va_list *ap) {
  char b[NBUF];
  int conv = sp->conv;
  int base = conv == 'd' || conv == 'u' ? 10
             : conv == 'i'              ? 0
             : conv == 'o'              ? 8
                                        : 16;
  size_t n = scan_int(s, b, sp->width ? sp->width : NBUF - 1, base);
  char *end;
  if (!n)
    return result(st, s->eof);
  int neg, of;
  unsigned long long v = __sfi_strtoull_base(b, &end, base, &neg, &of);
  if (end == b)
    return st->assigned;
  if (conv == 'd' || conv == 'i') {
    if (of || (!neg && v > (unsigned long long)LLONG_MAX))
      v = neg ? (unsigned long long)LLONG_MIN : (unsigned long long)LLONG_MAX;
    else if (neg && v > (unsigned long long)LLONG_MAX + 1)
      v = (unsigned long long)LLONG_MIN;
    else if (neg)
      v = 0 - v;
  } else if (of) {
    v = ULLONG_MAX;
  } else if (neg) {
    v = 0 - v;
  }
  st->converted++;
  if (!sp->suppress) {
    if (conv == 'p')
      *va_arg(*ap, void **) = (void *)(uintptr_t)v;
    else
      lenmod_store(va_arg(*ap, void *), sp->len, v);
    st->assigned++;
  }
  return -1;
}

/* %a %e %f %g (either case): collected by scan_float, converted by
 * strtof, strtod (l) or strtold (L). */
static int conv_float(struct sfi_source *s, struct scan_state *st,
                      const struct scan_spec *sp, va_list *ap) {
  char b[NBUF];
  size_t n = scan_float(s, b, sp->width ? sp->width : NBUF - 1);
  if (!n)
    return result(st, s->eof);
  char *end;
  st->converted++;
  if (sp->suppress)
    return -1;
  if (sp->len == L_L)
    *va_arg(*ap, double *) = strtod(b, &end);
  else if (sp->len == L_LD)
    *va_arg(*ap, long double *) = strtold(b, &end);
  else
    *va_arg(*ap, float *) = strtof(b, &end);
  if (end == b)
    return st->assigned;
  st->assigned++;
  return -1;
}

/* Reads the scanset of %[ at *pp (just past the '['), leaving *pp at its
 * closing ']'; returns 0 if the format ends first. */
static int read_scanset(const unsigned char **pp, unsigned char set[256]) {
  const unsigned char *p = *pp;
  int inv = 0;
  if (*p == '^') {
    inv = 1;
    p++;
  }
  memset(set, inv, 256);
  if (*p == ']' || *p == '-')
    set[*p++] = (unsigned char)!inv;
  for (; *p && *p != ']'; p++) {
    if (*p == '-' && p[1] && p[1] != ']') {
      for (int c = p[-1]; c <= p[1]; c++)
        set[c] = (unsigned char)!inv;
      p++;
    } else {
      set[*p] = (unsigned char)!inv;
    }
  }
  *pp = p;
  return *p != 0;
}

/* %s %c %[: characters of the set (any for %c) into the caller's buffer,
 * or into one malloc'd for %m; wide (wchar_t) with l. */
static int conv_chars(struct sfi_source *s, struct scan_state *st,
                      const struct scan_spec *sp, const unsigned char *set,
                      va_list *ap) {
  int conv = sp->conv;
  size_t width = sp->width;
  if (conv == 'c' && !width)
    width = 1;
  if (!width)
    width = SIZE_MAX;
  int wide = sp->len == L_L;
  size_t elem = wide ? sizeof(wchar_t) : 1;
  char *dst = 0, **allocp = 0;
  size_t cap = 0;
  if (!sp->suppress) {
    if (sp->alloc) {
      allocp = va_arg(*ap, char **);
      cap = 32;
      dst = malloc(cap * elem);
      if (!dst)
        return st->assigned;
    } else {
      dst = va_arg(*ap, char *);
    }
  }
  size_t n = 0;
  int c = 0;
  while (n < width && (c = get(s)) != EOF) {
    if (conv != 'c' && !set[c]) {
      unget(s, c);
      break;
    }
    if (dst) {
      if (sp->alloc && n + 2 > cap) {
        char *nd = realloc(dst, cap * 2 * elem);
        if (!nd) {
          free(dst);
          return st->assigned;
        }
        dst = nd;
        cap *= 2;
      }
      if (wide)
        ((wchar_t *)dst)[n] = (wchar_t)c;
      else
        dst[n] = (char)c;
    }
    n++;
  }
  if (!n) {
    if (sp->alloc)
      free(dst);
    return result(st, c == EOF);
  }
  if (dst && conv != 'c') {
    if (wide)
      ((wchar_t *)dst)[n] = 0;
    else
      dst[n] = 0;
  }
  if (sp->alloc && allocp)
    *allocp = dst;
  st->converted++;
  if (!sp->suppress)
    st->assigned++;
  return -1;
}

/* Reads %[*][width][m][length] at p (just past the '%') into *sp; returns
 * the conversion character's address. */
static const unsigned char *read_spec(const unsigned char *p,
                                      struct scan_spec *sp) {
  sp->suppress = sp->alloc = 0;
  if (*p == '*') {
    sp->suppress = 1;
    p++;
  }
  sp->width = 0;
  while ((unsigned)(*p - '0') < 10u)
    sp->width = sp->width * 10 + (*p++ - '0');
  if (*p == 'm') {
    sp->alloc = 1;
    p++;
  }
  p += lenmod_parse((const char *)p, 0, &sp->len);
  sp->conv = *p;
  return p;
}

/* A literal format character (or %%) at *p; returns -1 if it matched,
 * else the scan's result. */
static int match_literal(struct sfi_source *s, const struct scan_state *st,
                         const unsigned char **pp) {
  if (**pp == '%') {
    ++*pp;
    skip_space(s);
  }
  int c = get(s);
  if (c != **pp) {
    unget(s, c);
    return result(st, c == EOF);
  }
  return -1;
}

static int scan(struct sfi_source *s, const char *fmt, va_list *ap) {
  const unsigned char *p = (const unsigned char *)fmt;
  struct scan_state st = {0, 0};
  for (; *p; p++) {
    if (isspace(*p)) {
      skip_space(s);
      continue;
    }
    int r;
    if (*p != '%' || p[1] == '%') {
      if ((r = match_literal(s, &st, &p)) != -1)
        return r;
      continue;
    }
    struct scan_spec sp;
    p = read_spec(p + 1, &sp);
    if (!sp.conv)
      break;
    if (sp.conv == 'n') {
      if (!sp.suppress)
        lenmod_store(va_arg(*ap, void *), sp.len, (uintmax_t)s->count);
      continue;
    }
    if (sp.conv != 'c' && sp.conv != '[' && skip_space(s) == EOF)
      return result(&st, 1);
    unsigned char set[256];
    switch (sp.conv) {
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
    case 'p':
      r = conv_int(s, &st, &sp, ap);
      break;
    case 'a':
    case 'A':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      r = conv_float(s, &st, &sp, ap);
      break;
    case '[':
      p++;
      if (!read_scanset(&p, set))
        return st.assigned;
      r = conv_chars(s, &st, &sp, set, ap);
      break;
    case 's':
      for (int c = 0; c < 256; c++)
        set[c] = !isspace(c);
      set[0] = 1;
      /* fall through */
    case 'c':
      r = conv_chars(s, &st, &sp, set, ap);
      break;
    default:
      return st.assigned;
    }
    if (r != -1)
      return r;
  }
  return st.assigned;
}

HIDDEN int __sfi_vscan(struct sfi_source *s, const char *fmt, va_list ap) {
  va_list aq;
  va_copy(aq, ap);
  int r = scan(s, fmt, &aq);
  va_end(aq);
  return r;
}

int vfscanf(FILE *restrict f, const char *restrict fmt, va_list ap) {
  struct sfi_source s = {f, 0, 0, 0};
  return __sfi_vscan(&s, fmt, ap);
}

int vsscanf(const char *restrict str, const char *restrict fmt, va_list ap) {
  struct sfi_source s = {0, (const unsigned char *)str, 0, 0};
  return __sfi_vscan(&s, fmt, ap);
}

int vscanf(const char *restrict fmt, va_list ap) {
  return vfscanf(stdin, fmt, ap);
}

int scanf(const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfscanf(stdin, fmt, ap);
  va_end(ap);
  return r;
}

int fscanf(FILE *restrict f, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfscanf(f, fmt, ap);
  va_end(ap);
  return r;
}

int sscanf(const char *restrict str, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsscanf(str, fmt, ap);
  va_end(ap);
  return r;
}

/* C99 names that glibc's headers redirect to; musl's use the plain ones. */
int __isoc99_scanf(const char *restrict, ...) __attribute__((alias("scanf")));
int __isoc99_fscanf(FILE *restrict, const char *restrict, ...)
    __attribute__((alias("fscanf")));
int __isoc99_sscanf(const char *restrict, const char *restrict, ...)
    __attribute__((alias("sscanf")));
