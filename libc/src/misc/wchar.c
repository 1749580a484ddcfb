/* wchar.c: wide-character basics. Multibyte text is UTF-8 (a superset of
 * the C locale's ASCII); wchar_t holds Unicode code points. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

size_t __ctype_get_mb_cur_max(void) { return 4; }

size_t wcslen(const wchar_t *s) {
  const wchar_t *p = s;
  while (*p)
    p++;
  return (size_t)(p - s);
}
size_t wcsnlen(const wchar_t *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i])
    i++;
  return i;
}
wchar_t *wcscpy(wchar_t *restrict d, const wchar_t *restrict s) {
  wchar_t *r = d;
  while ((*d++ = *s++))
    ;
  return r;
}
wchar_t *wcsncpy(wchar_t *restrict d, const wchar_t *restrict s, size_t n) {
  wchar_t *r = d;
  for (; n && *s; n--)
    *d++ = *s++;
  for (; n; n--)
    *d++ = 0;
  return r;
}
wchar_t *wcscat(wchar_t *restrict d, const wchar_t *restrict s) {
  wcscpy(d + wcslen(d), s);
  return d;
}
wchar_t *wcsncat(wchar_t *restrict d, const wchar_t *restrict s, size_t n) {
  wchar_t *e = d + wcslen(d);
  for (; n && *s; n--)
    *e++ = *s++;
  *e = 0;
  return d;
}
int wcscmp(const wchar_t *a, const wchar_t *b) {
  for (; *a == *b && *a; a++, b++)
    ;
  return *a < *b ? -1 : *a > *b;
}
int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n) {
  for (; n && *a == *b && *a; a++, b++, n--)
    ;
  return n ? (*a < *b ? -1 : *a > *b) : 0;
}
int wcscoll(const wchar_t *a, const wchar_t *b) { return wcscmp(a, b); }
wchar_t *wcschr(const wchar_t *s, wchar_t c) {
  for (;; s++) {
    if (*s == c)
      return (wchar_t *)s;
    if (!*s)
      return 0;
  }
}
wchar_t *wcsrchr(const wchar_t *s, wchar_t c) {
  const wchar_t *r = 0;
  for (;; s++) {
    if (*s == c)
      r = s;
    if (!*s)
      return (wchar_t *)r;
  }
}
wchar_t *wcsstr(const wchar_t *h, const wchar_t *n) {
  size_t l = wcslen(n);
  for (; *h; h++)
    if (!wcsncmp(h, n, l))
      return (wchar_t *)h;
  return l ? 0 : (wchar_t *)h;
}
size_t wcsspn(const wchar_t *s, const wchar_t *a) {
  size_t i = 0;
  while (s[i] && wcschr(a, s[i]))
    i++;
  return i;
}
size_t wcscspn(const wchar_t *s, const wchar_t *r) {
  size_t i = 0;
  while (s[i] && !wcschr(r, s[i]))
    i++;
  return i;
}
wchar_t *wcsdup(const wchar_t *s) {
  size_t n = (wcslen(s) + 1) * sizeof(wchar_t);
  wchar_t *d = malloc(n);
  return d ? memcpy(d, s, n) : 0;
}
wchar_t *wmemcpy(wchar_t *restrict d, const wchar_t *restrict s, size_t n) {
  return memcpy(d, s, n * sizeof(wchar_t));
}
wchar_t *wmemmove(wchar_t *d, const wchar_t *s, size_t n) {
  return memmove(d, s, n * sizeof(wchar_t));
}
wchar_t *wmemset(wchar_t *d, wchar_t c, size_t n) {
  for (size_t i = 0; i < n; i++)
    d[i] = c;
  return d;
}
int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n) {
  for (; n; n--, a++, b++)
    if (*a != *b)
      return *a < *b ? -1 : 1;
  return 0;
}
wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n) {
  for (; n; n--, s++)
    if (*s == c)
      return (wchar_t *)s;
  return 0;
}

/* ---- UTF-8. The state keeps a partial character: the code point bits
 * so far in __opaque1 and the bytes still missing in __opaque2. ---- */
int mbsinit(const mbstate_t *st) { return !st || !st->__opaque2; }

size_t mbrtowc(wchar_t *restrict wc, const char *restrict src, size_t n,
               mbstate_t *restrict st) {
  static mbstate_t internal;
  if (!st)
    st = &internal;
  if (!src) {
    st->__opaque1 = st->__opaque2 = 0;
    return 0;
  }
  if (!n)
    return (size_t)-2;
  const unsigned char *s = (const unsigned char *)src;
  unsigned cp = st->__opaque1, need = st->__opaque2;
  size_t i = 0;
  if (!need) {
    unsigned c = s[i++];
    if (c < 0x80) {
      if (wc)
        *wc = (wchar_t)c;
      return c ? 1 : 0;
    }
    if (c - 0xc2 > 0xf4 - 0xc2)
      goto ilseq;
    need = c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
    cp = c & (0x3f >> need);
  }
  for (; need && i < n; need--, i++) {
    unsigned c = s[i];
    if ((c & 0xc0) != 0x80)
      goto ilseq;
    cp = cp << 6 | (c & 0x3f);
  }
  if (need) {
    st->__opaque1 = cp;
    st->__opaque2 = need;
    return (size_t)-2;
  }
  st->__opaque1 = st->__opaque2 = 0;
  if ((cp >= 0xd800 && cp < 0xe000) || cp > 0x10ffff || cp < 0x80 ||
      (cp < 0x800 && i > 2) || (cp < 0x10000 && i > 3))
    goto ilseq;
  if (wc)
    *wc = (wchar_t)cp;
  return i;
ilseq:
  st->__opaque1 = st->__opaque2 = 0;
  errno = EILSEQ;
  return (size_t)-1;
}

size_t wcrtomb(char *restrict s, wchar_t wc, mbstate_t *restrict st) {
  (void)st;
  char buf[4];
  if (!s)
    s = buf, wc = 0;
  unsigned c = (unsigned)wc;
  if (c < 0x80) {
    s[0] = (char)c;
    return 1;
  }
  if (c < 0x800) {
    s[0] = (char)(0xc0 | c >> 6);
    s[1] = (char)(0x80 | (c & 0x3f));
    return 2;
  }
  if (c < 0x10000) {
    if (c >= 0xd800 && c < 0xe000)
      goto ilseq;
    s[0] = (char)(0xe0 | c >> 12);
    s[1] = (char)(0x80 | (c >> 6 & 0x3f));
    s[2] = (char)(0x80 | (c & 0x3f));
    return 3;
  }
  if (c < 0x110000) {
    s[0] = (char)(0xf0 | c >> 18);
    s[1] = (char)(0x80 | (c >> 12 & 0x3f));
    s[2] = (char)(0x80 | (c >> 6 & 0x3f));
    s[3] = (char)(0x80 | (c & 0x3f));
    return 4;
  }
ilseq:
  errno = EILSEQ;
  return (size_t)-1;
}

size_t mbrlen(const char *restrict s, size_t n, mbstate_t *restrict st) {
  static mbstate_t internal;
  return mbrtowc(0, s, n, st ? st : &internal);
}
int mbtowc(wchar_t *restrict wc, const char *restrict s, size_t n) {
  if (!s)
    return 0;
  mbstate_t st = {0};
  size_t r = mbrtowc(wc, s, n, &st);
  return r > 4 ? -1 : (int)r;
}
int mblen(const char *s, size_t n) { return mbtowc(0, s, n); }
int wctomb(char *s, wchar_t wc) {
  if (!s)
    return 0;
  return (int)wcrtomb(s, wc, 0);
}
wint_t btowc(int c) { return c >= 0 && c < 0x80 ? (wint_t)c : WEOF; }
int wctob(wint_t c) { return c < 0x80 ? (int)c : EOF; }

size_t mbsrtowcs(wchar_t *restrict d, const char **restrict src, size_t n,
                 mbstate_t *restrict st) {
  const char *s = *src;
  size_t i = 0;
  mbstate_t local = {0};
  if (!st)
    st = &local;
  for (; !d || i < n; i++) {
    wchar_t wc;
    size_t r = mbrtowc(&wc, s, 4, st);
    if (r == (size_t)-1)
      return r;
    if (d)
      d[i] = wc;
    if (!wc) {
      if (d)
        *src = 0;
      return i;
    }
    s += r;
  }
  *src = s;
  return i;
}
size_t mbstowcs(wchar_t *restrict d, const char *restrict s, size_t n) {
  const char *p = s;
  return mbsrtowcs(d, &p, n, 0);
}

size_t wcsrtombs(char *restrict d, const wchar_t **restrict src, size_t n,
                 mbstate_t *restrict st) {
  (void)st;
  const wchar_t *s = *src;
  size_t o = 0;
  char buf[4];
  for (;; s++) {
    size_t k = wcrtomb(buf, *s, 0);
    if (k == (size_t)-1)
      return k;
    if (d && o + k > n) {
      *src = s;
      return o;
    }
    if (!*s) {
      if (d) {
        d[o] = 0;
        *src = 0;
      }
      return o;
    }
    if (d)
      memcpy(d + o, buf, k);
    o += k;
  }
}
size_t wcstombs(char *restrict d, const wchar_t *restrict s, size_t n) {
  const wchar_t *p = s;
  return wcsrtombs(d, &p, n, 0);
}

int wcwidth(wchar_t c) {
  if (!c)
    return 0;
  if (c < 0x20 || (c >= 0x7f && c < 0xa0))
    return -1;
  return 1;
}

wint_t fputwc(wchar_t c, FILE *f) {
  char b[4];
  size_t k = wcrtomb(b, c, 0);
  if (k == (size_t)-1 || fwrite(b, 1, k, f) != k)
    return WEOF;
  return (wint_t)c;
}
wint_t putwc(wchar_t c, FILE *f) { return fputwc(c, f); }
wint_t putwchar(wchar_t c) { return fputwc(c, stdout); }
int fputws(const wchar_t *restrict s, FILE *restrict f) {
  for (; *s; s++)
    if (fputwc(*s, f) == WEOF)
      return -1;
  return 0;
}
wint_t fgetwc(FILE *f) {
  mbstate_t st = {0};
  wchar_t wc;
  for (;;) {
    int c = fgetc(f);
    if (c == EOF)
      return WEOF;
    char ch = (char)c;
    size_t r = mbrtowc(&wc, &ch, 1, &st);
    if (r == (size_t)-1)
      return WEOF;
    if (r != (size_t)-2)
      return (wint_t)wc;
  }
}
wint_t getwc(FILE *f) { return fgetwc(f); }
wint_t getwchar(void) { return fgetwc(stdin); }
int fwide(FILE *f, int mode) {
  (void)f;
  return mode;
}
