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

enum { L_NONE, L_HH, L_H, L_L, L_LL, L_J, L_Z, L_T, L_LD };

static void store_int(void *p, int len, uintmax_t v) {
  switch (len) {
  case L_HH:
    *(char *)p = (char)v;
    break;
  case L_H:
    *(short *)p = (short)v;
    break;
  case L_L:
    *(long *)p = (long)v;
    break;
  case L_LL:
  case L_LD:
  case L_J:
    *(long long *)p = (long long)v;
    break;
  case L_Z:
    *(size_t *)p = (size_t)v;
    break;
  case L_T:
    *(ptrdiff_t *)p = (ptrdiff_t)v;
    break;
  default:
    *(int *)p = (int)v;
    break;
  }
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

HIDDEN int __sfi_vscan(struct sfi_source *s, const char *fmt, va_list ap) {
  const unsigned char *p = (const unsigned char *)fmt;
  int assigned = 0, converted = 0;
  char b[NBUF];
  for (; *p; p++) {
    if (isspace(*p)) {
      skip_space(s);
      continue;
    }
    if (*p != '%' || p[1] == '%') {
      if (*p == '%') {
        p++;
        skip_space(s);
      }
      int c = get(s);
      if (c != *p) {
        unget(s, c);
        if (c == EOF && !converted)
          return EOF;
        return assigned;
      }
      continue;
    }
    p++;
    int suppress = 0, alloc = 0;
    if (*p == '*') {
      suppress = 1;
      p++;
    }
    size_t width = 0;
    while ((unsigned)(*p - '0') < 10u)
      width = width * 10 + (*p++ - '0');
    if (*p == 'm') {
      alloc = 1;
      p++;
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
    int conv = *p;
    if (!conv)
      break;
    if (conv == 'n') {
      if (!suppress)
        store_int(va_arg(ap, void *), len, (uintmax_t)s->count);
      continue;
    }
    if (conv != 'c' && conv != '[') {
      if (skip_space(s) == EOF) {
        return converted ? assigned : EOF;
      }
    }
    switch (conv) {
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
    case 'p': {
      int base = conv == 'd' || conv == 'u' ? 10
                 : conv == 'i'              ? 0
                 : conv == 'o'              ? 8
                                            : 16;
      size_t n = scan_int(s, b, width ? width : NBUF - 1, base);
      char *end;
      if (!n)
        return (s->eof && !converted) ? EOF : assigned;
      int neg, of;
      unsigned long long v = __sfi_strtoull_base(b, &end, base, &neg, &of);
      if (end == b)
        return assigned;
      if (conv == 'd' || conv == 'i') {
        /* Signed conversions saturate like strtoll. */
        if (of || (!neg && v > (unsigned long long)LLONG_MAX))
          v = neg ? (unsigned long long)LLONG_MIN
                  : (unsigned long long)LLONG_MAX;
        else if (neg && v > (unsigned long long)LLONG_MAX + 1)
          v = (unsigned long long)LLONG_MIN;
        else if (neg)
          v = 0 - v;
      } else if (of) {
        v = ULLONG_MAX;
      } else if (neg) {
        v = 0 - v;
      }
      converted++;
      if (!suppress) {
        if (conv == 'p')
          *va_arg(ap, void **) = (void *)(uintptr_t)v;
        else
          store_int(va_arg(ap, void *), len, v);
        assigned++;
      }
      break;
    }
    case 'a':
    case 'A':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      size_t n = scan_float(s, b, width ? width : NBUF - 1);
      if (!n)
        return (s->eof && !converted) ? EOF : assigned;
      char *end;
      converted++;
      if (suppress)
        break;
      if (len == L_L)
        *va_arg(ap, double *) = strtod(b, &end);
      else if (len == L_LD)
        *va_arg(ap, long double *) = strtold(b, &end);
      else
        *va_arg(ap, float *) = strtof(b, &end);
      if (end == b)
        return assigned;
      assigned++;
      break;
    }
    case 's':
    case 'c':
    case '[': {
      unsigned char set[256];
      if (conv == '[') {
        int inv = 0;
        p++;
        if (*p == '^') {
          inv = 1;
          p++;
        }
        memset(set, inv, sizeof set);
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
        if (!*p)
          return assigned;
      } else if (conv == 's') {
        for (int c = 0; c < 256; c++)
          set[c] = !isspace(c);
        set[0] = 1;
      }
      if (conv == 'c' && !width)
        width = 1;
      if (!width)
        width = SIZE_MAX;
      int wide = len == L_L;
      size_t elem = wide ? sizeof(wchar_t) : 1;
      char *dst = 0, **allocp = 0;
      size_t cap = 0;
      if (!suppress) {
        if (alloc) {
          allocp = va_arg(ap, char **);
          cap = 32;
          dst = malloc(cap * elem);
          if (!dst)
            return assigned;
        } else {
          dst = va_arg(ap, char *);
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
          if (alloc && n + 2 > cap) {
            char *nd = realloc(dst, cap * 2 * elem);
            if (!nd) {
              free(dst);
              return assigned;
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
      if (!n || (conv == 'c' && n < width && !n)) {
        if (alloc)
          free(dst);
        return (c == EOF && !converted) ? EOF : assigned;
      }
      if (dst && conv != 'c') {
        if (wide)
          ((wchar_t *)dst)[n] = 0;
        else
          dst[n] = 0;
      }
      if (alloc && allocp)
        *allocp = dst;
      converted++;
      if (!suppress)
        assigned++;
      break;
    }
    default:
      return assigned;
    }
  }
  return assigned;
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
