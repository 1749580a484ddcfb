/* qsort.c: qsort as a stable merge sort, like glibc's (2.36) when its
 * buffer fits; a stable sort's result is fully determined by a consistent
 * comparator, so sandboxed and native programs agree even with ties.
 * Without memory for the buffer it falls back to an in-place heapsort. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef int (*cmp_fn)(const void *, const void *);
typedef int (*cmp_r_fn)(const void *, const void *, void *);

/* One comparator type for qsort and qsort_r. */
struct cmp {
  cmp_fn f;
  cmp_r_fn fr;
  void *ctx;
};
static inline int call(const struct cmp *c, const void *a, const void *b) {
  return c->fr ? c->fr(a, b, c->ctx) : c->f(a, b);
}
typedef uint64_t u64 __attribute__((aligned(1), may_alias));
typedef uint32_t u32 __attribute__((aligned(1), may_alias));

static void merge(char *b, size_t n, size_t sz, const struct cmp *cmp,
                  char *tmp) {
  if (n <= 1)
    return;
  if (n <= 8 && sz <= 64) {
    /* Insertion sort on short runs, stable since it only moves past
     * strictly greater elements. */
    char t[64];
    for (size_t i = 1; i < n; i++) {
      size_t j = i;
      memcpy(t, b + i * sz, sz);
      while (j > 0 && call(cmp, b + (j - 1) * sz, t) > 0) {
        memcpy(b + j * sz, b + (j - 1) * sz, sz);
        j--;
      }
      if (j != i)
        memcpy(b + j * sz, t, sz);
    }
    return;
  }
  size_t n1 = n / 2, n2 = n - n1;
  char *b2 = b + n1 * sz;
  merge(b, n1, sz, cmp, tmp);
  merge(b2, n2, sz, cmp, tmp);
  if (call(cmp, b2 - sz, b2) <= 0)
    return; /* already in order */
  char *o = tmp, *p = b, *q = b2, *pe = b2, *qe = b + n * sz;
  if (sz == 8) {
    while (p < pe && q < qe) {
      if (call(cmp, p, q) <= 0) {
        *(u64 *)o = *(u64 *)p;
        p += 8;
      } else {
        *(u64 *)o = *(u64 *)q;
        q += 8;
      }
      o += 8;
    }
  } else if (sz == 4) {
    while (p < pe && q < qe) {
      if (call(cmp, p, q) <= 0) {
        *(u32 *)o = *(u32 *)p;
        p += 4;
      } else {
        *(u32 *)o = *(u32 *)q;
        q += 4;
      }
      o += 4;
    }
  } else {
    while (p < pe && q < qe) {
      if (call(cmp, p, q) <= 0) {
        memcpy(o, p, sz);
        p += sz;
      } else {
        memcpy(o, q, sz);
        q += sz;
      }
      o += sz;
    }
  }
  /* What is left of the second half is already in place. */
  memcpy(o, p, (size_t)(pe - p));
  memcpy(b, tmp, (size_t)(o - tmp) + (size_t)(pe - p));
}

static void swap(char *a, char *b, size_t sz) {
  while (sz--) {
    char t = *a;
    *a++ = *b;
    *b++ = t;
  }
}

static void sift(char *b, size_t i, size_t n, size_t sz,
                 const struct cmp *cmp) {
  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= n)
      return;
    if (c + 1 < n && call(cmp, b + c * sz, b + (c + 1) * sz) < 0)
      c++;
    if (call(cmp, b + i * sz, b + c * sz) >= 0)
      return;
    swap(b + i * sz, b + c * sz, sz);
    i = c;
  }
}

static void sort(void *base, size_t n, size_t sz, const struct cmp *cmp) {
  if (n < 2 || !sz)
    return;
  char *tmp = (n * sz <= 1024 && n <= 8) ? 0 : malloc(n * sz);
  if (tmp || (n <= 8 && sz <= 64)) {
    merge(base, n, sz, cmp, tmp);
    free(tmp);
    return;
  }
  char *b = base;
  for (size_t i = n / 2; i-- > 0;)
    sift(b, i, n, sz, cmp);
  for (size_t e = n - 1; e > 0; e--) {
    swap(b, b + e * sz, sz);
    sift(b, 0, e, sz, cmp);
  }
}

void qsort(void *base, size_t n, size_t sz, cmp_fn f) {
  struct cmp c = {f, 0, 0};
  sort(base, n, sz, &c);
}

void qsort_r(void *base, size_t n, size_t sz, cmp_r_fn f, void *ctx) {
  struct cmp c = {0, f, ctx};
  sort(base, n, sz, &c);
}

void *bsearch(const void *key, const void *base, size_t n, size_t sz,
              cmp_fn cmp) {
  const char *b = base;
  while (n > 0) {
    const char *m = b + (n / 2) * sz;
    int r = cmp(key, m);
    if (!r)
      return (void *)m;
    if (r > 0) {
      b = m + sz;
      n -= n / 2 + 1;
    } else {
      n /= 2;
    }
  }
  return 0;
}
