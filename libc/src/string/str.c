/* str.c: the NUL-terminated string functions. strlen, strchr and strcmp
 * scan 16 aligned bytes at a time (an aligned load never crosses a page,
 * so reading past the terminator is safe natively and in the region). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef unsigned char v16 __attribute__((vector_size(16), aligned(16), may_alias));
typedef unsigned char v16u __attribute__((vector_size(16), aligned(1), may_alias));
typedef _Bool bv16 __attribute__((ext_vector_type(16)));

static inline unsigned mask16(bv16 m) {
  return __builtin_bit_cast(unsigned short, m);
}
static inline unsigned zeros(v16 v) {
  return mask16(__builtin_convertvector(v == (v16){0}, bv16));
}
static inline v16 vmin(v16 a, v16 b) { return __builtin_elementwise_min(a, b); }
/* Zero exactly in the bytes of v that are NUL or equal to c's byte. */
static inline v16 nul_or(v16 v, v16 c) { return vmin(v ^ c, v); }

/* The bit mask of zero bytes in the first 16-byte block that contains p,
 * without the bytes before p. */
#define HEAD(p, a, expr) (zeros(expr) >> (a))

size_t strlen(const char *s) {
  uintptr_t a = (uintptr_t)s & 15;
  const v16 *p = (const v16 *)(s - a);
  unsigned m = HEAD(p, a, *p);
  if (m)
    return __builtin_ctz(m);
  for (p++; (uintptr_t)p & 63; p++)
    if ((m = zeros(*p)))
      return (size_t)((const char *)p - s) + __builtin_ctz(m);
  /* 64 bytes per step: one zero test on the bytewise minimum. */
  while (!zeros(vmin(vmin(p[0], p[1]), vmin(p[2], p[3]))))
    p += 4;
  for (;; p++)
    if ((m = zeros(*p)))
      return (size_t)((const char *)p - s) + __builtin_ctz(m);
}

char *strchrnul(const char *s, int c) {
  unsigned char ch = (unsigned char)c;
  if (!ch)
    return (char *)s + strlen(s);
  v16 cv = (v16){0} + ch;
  uintptr_t a = (uintptr_t)s & 15;
  const v16 *p = (const v16 *)(s - a);
  unsigned m = HEAD(p, a, nul_or(*p, cv));
  if (m)
    return (char *)s + __builtin_ctz(m);
  for (p++; (uintptr_t)p & 63; p++)
    if ((m = zeros(nul_or(*p, cv))))
      return (char *)p + __builtin_ctz(m);
  while (!zeros(vmin(vmin(nul_or(p[0], cv), nul_or(p[1], cv)),
                     vmin(nul_or(p[2], cv), nul_or(p[3], cv)))))
    p += 4;
  for (;; p++)
    if ((m = zeros(nul_or(*p, cv))))
      return (char *)p + __builtin_ctz(m);
}

size_t strnlen(const char *s, size_t n) {
  const char *p = memchr(s, 0, n);
  return p ? (size_t)(p - s) : n;
}

char *strchr(const char *s, int c) {
  char *r = strchrnul(s, c);
  return *(unsigned char *)r == (unsigned char)c ? r : 0;
}
char *index(const char *s, int c) { return strchr(s, c); }

char *strrchr(const char *s, int c) {
  const char *last = 0;
  for (;; s++) {
    if (*s == (char)c)
      last = s;
    if (!*s)
      return (char *)last;
  }
}
char *rindex(const char *s, int c) { return strrchr(s, c); }

/* 16 bytes per step with unaligned loads, while neither load can cross a
 * page (the terminator may be the last mapped byte); bytewise near a page
 * end. */
int strcmp(const char *a, const char *b) {
  const unsigned char *p = (const unsigned char *)a,
                      *q = (const unsigned char *)b;
  for (;;) {
    while (((uintptr_t)p & 4095) <= 4096 - 32 &&
           ((uintptr_t)q & 4095) <= 4096 - 32) {
      v16 x = *(const v16u *)p, y = *(const v16u *)q;
      v16 x2 = *(const v16u *)(p + 16), y2 = *(const v16u *)(q + 16);
      unsigned m = mask16(__builtin_convertvector((x != y) | (x == (v16){0}),
                                                  bv16));
      if (m) {
        unsigned i = __builtin_ctz(m);
        return p[i] - q[i];
      }
      m = mask16(__builtin_convertvector((x2 != y2) | (x2 == (v16){0}), bv16));
      if (m) {
        unsigned i = __builtin_ctz(m) + 16;
        return p[i] - q[i];
      }
      p += 32;
      q += 32;
    }
    for (int i = 0; i < 32; i++) {
      if (*p != *q || !*p)
        return *p - *q;
      p++;
      q++;
    }
  }
}

int strncmp(const char *a, const char *b, size_t n) {
  const unsigned char *p = (const unsigned char *)a,
                      *q = (const unsigned char *)b;
  for (; n; n--, p++, q++)
    if (*p != *q || !*p)
      return *p - *q;
  return 0;
}

int strcoll(const char *a, const char *b) { return strcmp(a, b); }

size_t strxfrm(char *restrict d, const char *restrict s, size_t n) {
  size_t l = strlen(s);
  if (n > l)
    memcpy(d, s, l + 1);
  return l;
}

char *stpcpy(char *restrict d, const char *restrict s) {
  size_t n = strlen(s);
  memcpy(d, s, n + 1);
  return d + n;
}

char *strcpy(char *restrict d, const char *restrict s) {
  stpcpy(d, s);
  return d;
}

char *stpncpy(char *restrict d, const char *restrict s, size_t n) {
  size_t l = strnlen(s, n);
  memcpy(d, s, l);
  memset(d + l, 0, n - l);
  return d + l;
}

char *strncpy(char *restrict d, const char *restrict s, size_t n) {
  stpncpy(d, s, n);
  return d;
}

char *strcat(char *restrict d, const char *restrict s) {
  strcpy(d + strlen(d), s);
  return d;
}

char *strncat(char *restrict d, const char *restrict s, size_t n) {
  char *e = d + strlen(d);
  size_t l = strnlen(s, n);
  memcpy(e, s, l);
  e[l] = 0;
  return d;
}

size_t strlcpy(char *d, const char *s, size_t n) {
  size_t l = strlen(s);
  if (n) {
    size_t c = l < n - 1 ? l : n - 1;
    memcpy(d, s, c);
    d[c] = 0;
  }
  return l;
}

size_t strlcat(char *d, const char *s, size_t n) {
  size_t l = strnlen(d, n);
  if (l == n)
    return l + strlen(s);
  return l + strlcpy(d + l, s, n - l);
}

/* Byte sets as 256-bit bitmaps for strspn/strcspn/strpbrk/strtok. */
#define SET_ADD(set, c) ((set)[(unsigned char)(c) >> 6] |= 1ull << ((unsigned char)(c) & 63))
#define SET_HAS(set, c) (((set)[(unsigned char)(c) >> 6] >> ((unsigned char)(c) & 63)) & 1)

size_t strspn(const char *s, const char *accept) {
  uint64_t set[4] = {0, 0, 0, 0};
  for (; *accept; accept++)
    SET_ADD(set, *accept);
  size_t i = 0;
  while (s[i] && SET_HAS(set, s[i]))
    i++;
  return i;
}

size_t strcspn(const char *s, const char *reject) {
  if (!reject[0])
    return strlen(s);
  if (!reject[1])
    return (size_t)(strchrnul(s, reject[0]) - s);
  uint64_t set[4] = {1, 0, 0, 0}; /* NUL always stops */
  for (; *reject; reject++)
    SET_ADD(set, *reject);
  size_t i = 0;
  while (!SET_HAS(set, s[i]))
    i++;
  return i;
}

char *strpbrk(const char *s, const char *accept) {
  s += strcspn(s, accept);
  return *s ? (char *)s : 0;
}

char *strtok_r(char *restrict s, const char *restrict sep, char **restrict save) {
  if (!s && !(s = *save))
    return 0;
  s += strspn(s, sep);
  if (!*s) {
    *save = 0;
    return 0;
  }
  char *e = s + strcspn(s, sep);
  if (*e)
    *e++ = 0;
  else
    e = 0;
  *save = e;
  return s;
}

char *strtok(char *restrict s, const char *restrict sep) {
  static char *save;
  return strtok_r(s, sep, &save);
}

char *strsep(char **sp, const char *sep) {
  char *s = *sp, *e;
  if (!s)
    return 0;
  e = s + strcspn(s, sep);
  if (*e)
    *e++ = 0;
  else
    e = 0;
  *sp = e;
  return s;
}

char *strstr(const char *h, const char *n) {
  if (!n[0])
    return (char *)h;
  h = strchr(h, n[0]);
  if (!h || !n[1])
    return (char *)h;
  size_t nl = strlen(n);
  for (; h; h = strchr(h + 1, n[0]))
    if (!strncmp(h, n, nl))
      return (char *)h;
  return 0;
}

static inline int lower(int c) { return (unsigned)(c - 'A') < 26u ? c | 32 : c; }

int strcasecmp(const char *a, const char *b) {
  const unsigned char *p = (const void *)a, *q = (const void *)b;
  for (; *p && (*p == *q || lower(*p) == lower(*q)); p++, q++)
    ;
  return lower(*p) - lower(*q);
}

int strncasecmp(const char *a, const char *b, size_t n) {
  const unsigned char *p = (const void *)a, *q = (const void *)b;
  if (!n--)
    return 0;
  for (; *p && n && (*p == *q || lower(*p) == lower(*q)); p++, q++, n--)
    ;
  return lower(*p) - lower(*q);
}

char *strcasestr(const char *h, const char *n) {
  size_t l = strlen(n);
  for (; *h; h++)
    if (!strncasecmp(h, n, l))
      return (char *)h;
  return l ? 0 : (char *)h;
}

char *strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  return d ? memcpy(d, s, n) : 0;
}

char *strndup(const char *s, size_t n) {
  size_t l = strnlen(s, n);
  char *d = malloc(l + 1);
  if (!d)
    return 0;
  memcpy(d, s, l);
  d[l] = 0;
  return d;
}

int ffs(int i) { return i ? __builtin_ctz((unsigned)i) + 1 : 0; }
int ffsl(long i) { return i ? __builtin_ctzl((unsigned long)i) + 1 : 0; }
int ffsll(long long i) { return i ? __builtin_ctzll((unsigned long long)i) + 1 : 0; }
