/* mem.c: memcpy, memmove, memset and friends with plain C vector types
 * (no asm, no target builtins): 16-byte SSE2 vectors, or 32-byte ones when
 * the libc is built for x86-64-v3 (AVX2). */
#include <stdint.h>
#include <string.h>

typedef unsigned char v16
    __attribute__((vector_size(16), aligned(1), may_alias));
typedef _Bool bv16 __attribute__((ext_vector_type(16)));
#ifdef __AVX2__
#define VB 32
#else
#define VB 16
#endif
typedef unsigned char vec
    __attribute__((vector_size(VB), aligned(1), may_alias));

/* Bit i set where a[i] != b[i]. */
static inline unsigned diff16(v16 a, v16 b) {
  return __builtin_bit_cast(unsigned short,
                            __builtin_convertvector(a != b, bv16));
}
typedef uint64_t u64 __attribute__((aligned(1), may_alias));
typedef uint32_t u32 __attribute__((aligned(1), may_alias));
typedef uint16_t u16 __attribute__((aligned(1), may_alias));

/* Copies n <= 64 bytes; every load happens before the first store, so the
 * ranges may overlap (memmove uses this too). */
static inline void copy_small(unsigned char *d, const unsigned char *s,
                              size_t n) {
  if (n >= 16) {
    if (n <= 32) {
      v16 a = *(const v16 *)s, b = *(const v16 *)(s + n - 16);
      *(v16 *)d = a;
      *(v16 *)(d + n - 16) = b;
    } else {
      v16 a = *(const v16 *)s, b = *(const v16 *)(s + 16);
      v16 c = *(const v16 *)(s + n - 32), e = *(const v16 *)(s + n - 16);
      *(v16 *)d = a;
      *(v16 *)(d + 16) = b;
      *(v16 *)(d + n - 32) = c;
      *(v16 *)(d + n - 16) = e;
    }
  } else if (n >= 8) {
    uint64_t a = *(const u64 *)s, b = *(const u64 *)(s + n - 8);
    *(u64 *)d = a;
    *(u64 *)(d + n - 8) = b;
  } else if (n >= 4) {
    uint32_t a = *(const u32 *)s, b = *(const u32 *)(s + n - 4);
    *(u32 *)d = a;
    *(u32 *)(d + n - 4) = b;
  } else if (n >= 2) {
    uint16_t a = *(const u16 *)s, b = *(const u16 *)(s + n - 2);
    *(u16 *)d = a;
    *(u16 *)(d + n - 2) = b;
  } else if (n) {
    *d = *s;
  }
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  if (n <= 64) {
    copy_small(d, s, n);
    return dst;
  }
  if (n <= 128) {
    v16 a = *(const v16 *)s, b = *(const v16 *)(s + 16);
    v16 c = *(const v16 *)(s + 32), e = *(const v16 *)(s + 48);
    v16 f = *(const v16 *)(s + n - 64), g = *(const v16 *)(s + n - 48);
    v16 h = *(const v16 *)(s + n - 32), k = *(const v16 *)(s + n - 16);
    *(v16 *)d = a;
    *(v16 *)(d + 16) = b;
    *(v16 *)(d + 32) = c;
    *(v16 *)(d + 48) = e;
    *(v16 *)(d + n - 64) = f;
    *(v16 *)(d + n - 48) = g;
    *(v16 *)(d + n - 32) = h;
    *(v16 *)(d + n - 16) = k;
    return dst;
  }
  /* The tail is loaded first so that it can be stored last, unaligned. */
  vec head = *(const vec *)s;
  vec t0 = *(const vec *)(s + n - 4 * VB), t1 = *(const vec *)(s + n - 3 * VB);
  vec t2 = *(const vec *)(s + n - 2 * VB), t3 = *(const vec *)(s + n - VB);
  unsigned char *dend = d + n;
  /* Align the destination: stores are the expensive side. */
  size_t skip = VB - ((uintptr_t)d & (VB - 1));
  *(vec *)d = head;
  d += skip;
  s += skip;
  n -= skip;
  while (n > 4 * VB) {
    vec a = *(const vec *)s, b = *(const vec *)(s + VB);
    vec c = *(const vec *)(s + 2 * VB), e = *(const vec *)(s + 3 * VB);
    *(vec *)d = a;
    *(vec *)(d + VB) = b;
    *(vec *)(d + 2 * VB) = c;
    *(vec *)(d + 3 * VB) = e;
    d += 4 * VB;
    s += 4 * VB;
    n -= 4 * VB;
  }
  *(vec *)(dend - 4 * VB) = t0;
  *(vec *)(dend - 3 * VB) = t1;
  *(vec *)(dend - 2 * VB) = t2;
  *(vec *)(dend - VB) = t3;
  return dst;
}

void *mempcpy(void *restrict dst, const void *restrict src, size_t n) {
  return (char *)memcpy(dst, src, n) + n;
}

void *memmove(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  if (n <= 64) {
    copy_small(d, s, n);
    return dst;
  }
  /* Disjoint ranges (also when d is far enough below s): memcpy. */
  if ((uintptr_t)d - (uintptr_t)s >= n && (uintptr_t)s - (uintptr_t)d >= n)
    return memcpy(dst, src, n);
  if (d < s) {
    /* Each chunk is loaded before it is stored, and a store to d+i only
     * touches source bytes that were already read, since d < s. */
    while (n >= 16) {
      v16 a = *(const v16 *)s;
      *(v16 *)d = a;
      d += 16;
      s += 16;
      n -= 16;
    }
    while (n--)
      *d++ = *s++;
  } else {
    d += n;
    s += n;
    while (n >= 16) {
      d -= 16;
      s -= 16;
      n -= 16;
      v16 a = *(const v16 *)s;
      *(v16 *)d = a;
    }
    while (n--)
      *--d = *--s;
  }
  return dst;
}

void bcopy(const void *src, void *dst, size_t n) { memmove(dst, src, n); }

void *memset(void *dst, int c, size_t n) {
  unsigned char *d = dst;
  unsigned char b = (unsigned char)c;
  if (n < 16) {
    if (n >= 8) {
      uint64_t w = 0x0101010101010101ull * b;
      *(u64 *)d = w;
      *(u64 *)(d + n - 8) = w;
    } else if (n >= 4) {
      uint32_t w = 0x01010101u * b;
      *(u32 *)d = w;
      *(u32 *)(d + n - 4) = w;
    } else {
      for (size_t i = 0; i < n; i++)
        d[i] = b;
    }
    return dst;
  }
  v16 v = (v16){0} + b;
  unsigned char *end = d + n;
  *(v16 *)d = v;
  *(v16 *)(end - 16) = v;
  if (n <= 32)
    return dst;
  *(v16 *)(d + 16) = v;
  *(v16 *)(end - 32) = v;
  if (n <= 64)
    return dst;
  *(v16 *)(d + 32) = v;
  *(v16 *)(d + 48) = v;
  *(v16 *)(end - 64) = v;
  *(v16 *)(end - 48) = v;
  if (n <= 128)
    return dst;
  vec w = (vec){0} + b;
  *(vec *)(end - 4 * VB) = w;
  *(vec *)(end - 3 * VB) = w;
  *(vec *)(end - 2 * VB) = w;
  *(vec *)(end - VB) = w;
  d = (unsigned char *)(((uintptr_t)d + VB) & ~(uintptr_t)(VB - 1));
  while (end - d > 4 * VB) {
    *(vec *)d = w;
    *(vec *)(d + VB) = w;
    *(vec *)(d + 2 * VB) = w;
    *(vec *)(d + 3 * VB) = w;
    d += 4 * VB;
  }
  return dst;
}

void bzero(void *dst, size_t n) { memset(dst, 0, n); }
void explicit_bzero(void *dst, size_t n) { memset(dst, 0, n); }

int memcmp(const void *a, const void *b, size_t n) {
  const unsigned char *p = a, *q = b;
  if (n >= 16 && n <= 32) {
    /* Two overlapping blocks cover 16..32 bytes. */
    unsigned m = diff16(*(const v16 *)p, *(const v16 *)q);
    size_t i = 0;
    if (!m) {
      m = diff16(*(const v16 *)(p + n - 16), *(const v16 *)(q + n - 16));
      if (!m)
        return 0;
      i = n - 16;
    }
    i += __builtin_ctz(m);
    return p[i] - q[i];
  }
  if (n >= 16) {
    size_t i = 0;
    for (; i + 4 * VB <= n; i += 4 * VB) {
      vec x0 = *(const vec *)(p + i), y0 = *(const vec *)(q + i);
      vec x1 = *(const vec *)(p + i + VB), y1 = *(const vec *)(q + i + VB);
      vec x2 = *(const vec *)(p + i + 2 * VB),
          y2 = *(const vec *)(q + i + 2 * VB);
      vec x3 = *(const vec *)(p + i + 3 * VB),
          y3 = *(const vec *)(q + i + 3 * VB);
      vec d = (x0 ^ y0) | (x1 ^ y1) | (x2 ^ y2) | (x3 ^ y3);
      if (__builtin_reduce_or(d))
        break;
    }
    for (;; i += 16) {
      if (i + 16 > n)
        i = n - 16; /* last block overlaps the previous one */
      unsigned m = diff16(*(const v16 *)(p + i), *(const v16 *)(q + i));
      if (m) {
        i += __builtin_ctz(m);
        return p[i] - q[i];
      }
      if (i + 16 >= n)
        return 0;
    }
  }
  if (n >= 8) {
    uint64_t x = *(const u64 *)p, y = *(const u64 *)q;
    if (x == y) {
      x = *(const u64 *)(p + n - 8);
      y = *(const u64 *)(q + n - 8);
      if (x == y)
        return 0;
    }
    x = __builtin_bswap64(x);
    y = __builtin_bswap64(y);
    return x < y ? -1 : 1;
  }
  for (size_t i = 0; i < n; i++)
    if (p[i] != q[i])
      return p[i] - q[i];
  return 0;
}

/* LLVM turns memcmp(...) == 0 into bcmp on GNU targets. */
int bcmp(const void *a, const void *b, size_t n) { return memcmp(a, b, n); }

/* Aligned loads only: memchr must stop at the first match (strnlen calls
 * it with a bound past the string), and an aligned load never crosses into
 * the next page. */
void *memchr(const void *src, int c, size_t n) {
  typedef unsigned char v16a
      __attribute__((vector_size(16), aligned(16), may_alias));
  const unsigned char *s = src;
  if (!n)
    return 0;
  v16 cv = (v16){0} + (unsigned char)c;
  uintptr_t a = (uintptr_t)s & 15;
  const unsigned char *p = s - a;
  unsigned m = (0xffff & ~diff16(*(const v16a *)p, cv)) >> a;
  for (;;) {
    if (m) {
      size_t i = (size_t)(p - s) + a + __builtin_ctz(m);
      return i < n ? (void *)(s + i) : 0;
    }
    p += 16;
    a = 0;
    if ((size_t)(p - s) >= n)
      return 0;
    m = 0xffff & ~diff16(*(const v16a *)p, cv);
  }
}

void *memrchr(const void *src, int c, size_t n) {
  const unsigned char *s = src;
  while (n--)
    if (s[n] == (unsigned char)c)
      return (void *)(s + n);
  return 0;
}

void *memccpy(void *restrict dst, const void *restrict src, int c, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  for (; n; n--) {
    if ((*d++ = *s++) == (unsigned char)c)
      return d;
  }
  return 0;
}

void *memmem(const void *h, size_t hn, const void *n, size_t nn) {
  const unsigned char *hp = h, *np = n;
  if (!nn)
    return (void *)h;
  while (hn >= nn) {
    const unsigned char *p = memchr(hp, np[0], hn - nn + 1);
    if (!p)
      return 0;
    if (!memcmp(p, np, nn))
      return (void *)p;
    hn -= (size_t)(p - hp) + 1;
    hp = p + 1;
  }
  return 0;
}
