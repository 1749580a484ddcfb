/* str.c: the NUL-terminated string functions. strlen, strchr and strcmp
 * scan 16 aligned bytes at a time (an aligned load never crosses a page,
 * so reading past the terminator is safe natively and in the region). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* VB: the vector width. 32 when the libc is built for x86-64-v3 (AVX2;
 * see SFI_LIBC_AVX2 in libc/CMakeLists.txt), else SSE2's 16. */
#ifdef __AVX2__
#define VB 32
typedef unsigned vmask_t;
#else
#define VB 16
typedef unsigned short vmask_t;
#endif
typedef unsigned char vec
    __attribute__((vector_size(VB), aligned(VB), may_alias));
typedef unsigned char vecu
    __attribute__((vector_size(VB), aligned(1), may_alias));
typedef _Bool bvec __attribute__((ext_vector_type(VB)));

static inline unsigned maskv(bvec m) { return __builtin_bit_cast(vmask_t, m); }
static inline unsigned zeros(vec v) {
  return maskv(__builtin_convertvector(v == (vec){0}, bvec));
}
static inline vec vmin(vec a, vec b) { return __builtin_elementwise_min(a, b); }
/* Zero exactly in the bytes of v that are NUL or equal to c's byte. */
static inline vec nul_or(vec v, vec c) { return vmin(v ^ c, v); }

/* Aligned loads never cross a page, so reading past the terminator within
 * the vector is safe natively and in the region. */
size_t strlen(const char *s) {
  uintptr_t a = (uintptr_t)s & (VB - 1);
  const vec *p = (const vec *)(s - a);
  unsigned m = zeros(*p) >> a;
  if (m)
    return __builtin_ctz(m);
  for (p++; (uintptr_t)p & (4 * VB - 1); p++)
    if ((m = zeros(*p)))
      return (size_t)((const char *)p - s) + __builtin_ctz(m);
  /* 4 vectors per step: one zero test on the bytewise minimum. */
  while (!zeros(vmin(vmin(p[0], p[1]), vmin(p[2], p[3]))))
    p += 4;
  for (;; p++)
    if ((m = zeros(*p)))
      return (size_t)((const char *)p - s) + __builtin_ctz(m);
}

size_t strnlen(const char *s, size_t n) {
  const char *p = memchr(s, 0, n);
  return p ? (size_t)(p - s) : n;
}

char *strchrnul(const char *s, int c) {
  unsigned char ch = (unsigned char)c;
  if (!ch)
    return (char *)s + strlen(s);
  vec cv = (vec){0} + ch;
  uintptr_t a = (uintptr_t)s & (VB - 1);
  const vec *p = (const vec *)(s - a);
  unsigned m = zeros(nul_or(*p, cv)) >> a;
  if (m)
    return (char *)s + __builtin_ctz(m);
  for (p++; (uintptr_t)p & (4 * VB - 1); p++)
    if ((m = zeros(nul_or(*p, cv))))
      return (char *)p + __builtin_ctz(m);
  while (!zeros(vmin(vmin(nul_or(p[0], cv), nul_or(p[1], cv)),
                     vmin(nul_or(p[2], cv), nul_or(p[3], cv)))))
    p += 4;
  for (;; p++)
    if ((m = zeros(nul_or(*p, cv))))
      return (char *)p + __builtin_ctz(m);
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

/* Unaligned vector loads, as many as fit before either string reaches
 * its next page (the terminator may be the last mapped byte); bytewise
 * across page ends. */
int strcmp(const char *a, const char *b) {
  const unsigned char *p = (const unsigned char *)a,
                      *q = (const unsigned char *)b;
  for (;;) {
    size_t room_p = 4096 - ((uintptr_t)p & 4095);
    size_t room_q = 4096 - ((uintptr_t)q & 4095);
    size_t room = room_p < room_q ? room_p : room_q;
    for (; room >= 4 * VB; room -= 4 * VB, p += 4 * VB, q += 4 * VB) {
      /* Zero where the bytes differ or p's byte is NUL. */
      vec x0 = *(const vecu *)p, y0 = *(const vecu *)q;
      vec x1 = *(const vecu *)(p + VB), y1 = *(const vecu *)(q + VB);
      vec x2 = *(const vecu *)(p + 2 * VB), y2 = *(const vecu *)(q + 2 * VB);
      vec x3 = *(const vecu *)(p + 3 * VB), y3 = *(const vecu *)(q + 3 * VB);
      vec z0 = vmin((vec)(x0 == y0), x0), z1 = vmin((vec)(x1 == y1), x1);
      vec z2 = vmin((vec)(x2 == y2), x2), z3 = vmin((vec)(x3 == y3), x3);
      if (zeros(vmin(vmin(z0, z1), vmin(z2, z3)))) {
        unsigned m, i;
        if ((m = zeros(z0)))
          i = __builtin_ctz(m);
        else if ((m = zeros(z1)))
          i = VB + __builtin_ctz(m);
        else if ((m = zeros(z2)))
          i = 2 * VB + __builtin_ctz(m);
        else
          i = 3 * VB + __builtin_ctz(zeros(z3));
        return p[i] - q[i];
      }
    }
    for (; room >= VB; room -= VB, p += VB, q += VB) {
      vec x = *(const vecu *)p, y = *(const vecu *)q;
      unsigned m = zeros(vmin((vec)(x == y), x));
      if (m) {
        unsigned i = __builtin_ctz(m);
        return p[i] - q[i];
      }
    }
    /* Up to the page end, then past it, one byte at a time. */
    for (size_t i = room + 1; i > 0; i--) {
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

/* Copies n <= 32 bytes without a call (the tails of stpcpy). */
static inline void copy32(char *d, const char *s, size_t n) {
  typedef uint64_t u64u __attribute__((aligned(1), may_alias));
  typedef uint32_t u32u __attribute__((aligned(1), may_alias));
  typedef unsigned char v16u
      __attribute__((vector_size(16), aligned(1), may_alias));
  if (n >= 16) {
    v16u a = *(const v16u *)s, b = *(const v16u *)(s + n - 16);
    *(v16u *)d = a;
    *(v16u *)(d + n - 16) = b;
  } else if (n >= 8) {
    uint64_t a = *(const u64u *)s, b = *(const u64u *)(s + n - 8);
    *(u64u *)d = a;
    *(u64u *)(d + n - 8) = b;
  } else if (n >= 4) {
    uint32_t a = *(const u32u *)s, b = *(const u32u *)(s + n - 4);
    *(u32u *)d = a;
    *(u32u *)(d + n - 4) = b;
  } else {
    for (size_t i = 0; i < n; i++)
      d[i] = s[i];
  }
}

/* One pass: aligned vector loads of the source (never past its page),
 * unaligned stores, and the last partial vector through memcpy. */
char *stpcpy(char *restrict d, const char *restrict s) {
  uintptr_t a = (uintptr_t)s & (VB - 1);
  const vec *p = (const vec *)(s - a);
  unsigned m = zeros(*p) >> a;
  if (m) {
    size_t n = __builtin_ctz(m);
    copy32(d, s, n + 1);
    return d + n;
  }
  copy32(d, s, VB - a);
  d += VB - a;
  /* Single vectors up to a 4-vector boundary (so that 4 aligned loads stay
   * in one page), then 4 per step. */
  for (p++; (uintptr_t)p & (4 * VB - 1); p++, d += VB) {
    if ((m = zeros(*p)))
      goto tail;
    *(vecu *)d = *p;
  }
  for (;; p += 4, d += 4 * VB) {
    vec v0 = p[0], v1 = p[1], v2 = p[2], v3 = p[3];
    if (zeros(vmin(vmin(v0, v1), vmin(v2, v3))))
      break;
    *(vecu *)d = v0;
    *(vecu *)(d + VB) = v1;
    *(vecu *)(d + 2 * VB) = v2;
    *(vecu *)(d + 3 * VB) = v3;
  }
  for (; !(m = zeros(*p)); p++, d += VB)
    *(vecu *)d = *p;
tail:;
  size_t n = __builtin_ctz(m);
  copy32(d, (const char *)p, n + 1);
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
#define SET_ADD(set, c)                                                        \
  ((set)[(unsigned char)(c) >> 6] |= 1ull << ((unsigned char)(c)&63))
#define SET_HAS(set, c)                                                        \
  (((set)[(unsigned char)(c) >> 6] >> ((unsigned char)(c)&63)) & 1)

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

char *strtok_r(char *restrict s, const char *restrict sep,
               char **restrict save) {
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

static inline int lower(int c) {
  return (unsigned)(c - 'A') < 26u ? c | 32 : c;
}

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
int ffsll(long long i) {
  return i ? __builtin_ctzll((unsigned long long)i) + 1 : 0;
}
