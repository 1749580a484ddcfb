/* malloc.c: the sandbox heap. Boundary-tagged chunks carved from one
 * contiguous heap grown with __sfi_sys_sbrk; exact-size bins for small
 * chunks, 4 bins per power of two for large ones (best fit, so little
 * fragmentation), immediate coalescing, a small per-size cache of freed
 * small chunks in front for the malloc/free fast path, and glibc-style fast
 * bins behind it (uncoalesced until consolidated). */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A chunk: prev_foot holds the previous chunk's size when that one is
 * free; head holds this chunk's size and two flags. User memory starts at
 * fd and runs into the next chunk's prev_foot (8 bytes of overhead). */
typedef struct chunk {
  size_t prev_foot;
  size_t head;
  struct chunk *fd, *bk;
} chunk;

#define PINUSE 1u
#define CINUSE 2u
#define FLAGS 7u
#define MIN_CHUNK 32u
#define SMALL_LIMIT 1024u /* sizes below are small: one bin per size */
#define NSMALL 64
#define NBINS (NSMALL + 4 * 40)
#define TC_MAX 32 /* freed small chunks cached per size */
#define GROW_MIN (256u << 10)
#define MAX_REQUEST ((size_t)1 << 40)

#define mem2chunk(p) ((chunk *)((char *)(p)-16))
#define chunk2mem(c) ((void *)((char *)(c) + 16))
#define csize(c) ((c)->head & ~(size_t)FLAGS)
#define at(c, off) ((chunk *)((char *)(c) + (off)))

static chunk bins[NBINS]; /* circular list sentinels */
static uint64_t binmap[(NBINS + 63) / 64];
static chunk *top;
static size_t topsize;
static char *clean_from; /* heap above here was never handed out */
static chunk *tcache[NSMALL];
/* Behind the cache: freed chunks below FAST_LIMIT wait here, LIFO and
 * uncoalesced (glibc's fast bins), until a large request or heap growth
 * consolidates them. */
#define FAST_LIMIT 256u
static chunk *fastbin[FAST_LIMIT >> 4];
static int have_fast;
static unsigned tcount[NSMALL];
static int ready;

static inline size_t request2size(size_t n) {
  size_t s = (n + 8 + 15) & ~(size_t)15;
  return s < MIN_CHUNK ? MIN_CHUNK : s;
}

static inline unsigned bin_index(size_t s) {
  if (s < SMALL_LIMIT)
    return (unsigned)(s >> 4);
  unsigned b = 63 - (unsigned)__builtin_clzll(s); /* >= 10 */
  unsigned i = NSMALL + (b - 10) * 4 + (unsigned)((s >> (b - 2)) & 3);
  return i < NBINS ? i : NBINS - 1;
}

static void init(void) {
  for (int i = 0; i < NBINS; i++)
    bins[i].fd = bins[i].bk = &bins[i];
  ready = 1;
}

static inline void bin_insert(chunk *c, size_t s) {
  unsigned i = bin_index(s);
  chunk *b = &bins[i];
  c->fd = b->fd;
  c->bk = b;
  b->fd->bk = c;
  b->fd = c;
  binmap[i >> 6] |= 1ull << (i & 63);
}

static inline void bin_unlink(chunk *c) {
  chunk *f = c->fd, *b = c->bk;
  f->bk = b;
  b->fd = f;
  if (f == b) { /* the bin became empty: f is its sentinel */
    unsigned i = (unsigned)(f - bins);
    if (i < NBINS)
      binmap[i >> 6] &= ~(1ull << (i & 63));
  }
}

/* The first non-empty bin with index >= i, or -1. */
static inline int next_bin(unsigned i) {
  for (unsigned w = i >> 6; w < sizeof binmap / 8; w++) {
    uint64_t m = binmap[w];
    if (w == i >> 6)
      m &= ~0ull << (i & 63);
    if (m)
      return (int)(w * 64 + (unsigned)__builtin_ctzll(m));
  }
  return -1;
}

/* Marks c (size s, already off any list) free and bins it. */
static inline void make_free(chunk *c, size_t s) {
  c->head = s | PINUSE;
  chunk *n = at(c, s);
  n->prev_foot = s;
  n->head &= ~(size_t)PINUSE;
  bin_insert(c, s);
}

/* Coalesces chunk c (in use, size s) with its free neighbours and the top. */
static void release(chunk *c) {
  size_t s = csize(c);
  if (!(c->head & PINUSE)) {
    chunk *p = at(c, -(long)c->prev_foot);
    bin_unlink(p);
    s += c->prev_foot;
    c = p;
  }
  chunk *n = at(c, s);
  if (n == top) {
    top = c;
    topsize += s;
    c->head = topsize | PINUSE;
    return;
  }
  if (!(n->head & CINUSE)) {
    bin_unlink(n);
    s += csize(n);
  }
  make_free(c, s);
}

/* Cuts an in-use chunk c down to nb bytes, freeing the tail if it is big
 * enough to be a chunk. */
static inline void trim_tail(chunk *c, size_t nb) {
  size_t s = csize(c);
  if (s - nb < MIN_CHUNK)
    return;
  c->head = nb | (c->head & FLAGS);
  chunk *r = at(c, nb);
  r->head = (s - nb) | PINUSE | CINUSE;
  release(r);
}

static int grow(size_t nb) {
  size_t need = nb + MIN_CHUNK - topsize;
  size_t incr = (need + 0xffff) & ~(size_t)0xffff;
  if (incr < GROW_MIN)
    incr = GROW_MIN;
  if (!top) {
    char *b = __sfi_sys_sbrk(0);
    if (b == (char *)-1)
      return 0;
    size_t pad = (16 - ((uintptr_t)b & 15)) & 15;
    b = __sfi_sys_sbrk((long)(incr + pad));
    if (b == (char *)-1)
      return 0;
    top = (chunk *)(b + pad);
    topsize = incr;
    top->head = topsize | PINUSE;
    clean_from = (char *)top;
    return 1;
  }
  char *b = __sfi_sys_sbrk((long)incr);
  if (b == (char *)-1)
    return 0;
  if (b != (char *)top + topsize) {
    /* Someone else moved the break: keep the old top as an in-use chunk
     * forever and start a new top. */
    if (topsize >= 16)
      top->head |= CINUSE;
    size_t pad = (16 - ((uintptr_t)b & 15)) & 15;
    top = (chunk *)(b + pad);
    topsize = incr - pad - 16;
    top->head = topsize | PINUSE;
    clean_from = (char *)top;
    return topsize >= nb + MIN_CHUNK;
  }
  topsize += incr;
  top->head = topsize | (top->head & PINUSE);
  return 1;
}

/* Returns a chunk of at least nb bytes marked in use, or NULL. *fresh is
 * set when its memory was never handed out before (calloc skips zeroing). */
static void consolidate(void) {
  have_fast = 0;
  for (unsigned i = 0; i < FAST_LIMIT >> 4; i++) {
    chunk *c = fastbin[i];
    fastbin[i] = 0;
    while (c) {
      chunk *next = c->fd;
      release(c);
      c = next;
    }
  }
}

static chunk *alloc_chunk(size_t nb, char **clean) {
  unsigned i = bin_index(nb);
  chunk *c = 0;
  if (have_fast && nb >= SMALL_LIMIT)
    consolidate();
  if (nb < SMALL_LIMIT) {
    chunk *b = &bins[i];
    if (b->fd != b) {
      c = b->fd;
      bin_unlink(c);
      c->head |= CINUSE;
      at(c, nb)->head |= PINUSE;
      return c;
    }
  } else {
    /* Best fit within the bin of nb. */
    chunk *b = &bins[i];
    size_t best = (size_t)-1;
    for (chunk *p = b->fd; p != b; p = p->fd) {
      size_t s = csize(p);
      if (s >= nb && s < best) {
        best = s;
        c = p;
        if (s == nb)
          break;
      }
    }
  }
  if (!c) {
    int j = next_bin(i + 1);
    if (j >= 0)
      c = bins[j].fd;
  }
  if (c) {
    size_t s = csize(c);
    bin_unlink(c);
    if (s - nb >= MIN_CHUNK) {
      c->head = nb | CINUSE | (c->head & PINUSE);
      make_free(at(c, nb), s - nb);
    } else {
      c->head |= CINUSE;
      at(c, s)->head |= PINUSE;
    }
    return c;
  }
  if (topsize < nb + MIN_CHUNK) {
    if (have_fast) { /* free memory may be parked in the fast bins */
      consolidate();
      return alloc_chunk(nb, clean);
    }
    if (!grow(nb))
      return 0;
  }
  c = top;
  top = at(c, nb);
  topsize -= nb;
  top->head = topsize | PINUSE;
  c->head = nb | CINUSE | (c->head & PINUSE);
  if (clean)
    *clean = clean_from;
  if ((char *)top + 16 > clean_from)
    clean_from = (char *)top + 16;
  return c;
}

static void *do_malloc(size_t n, char **clean) {
  if (UNLIKELY(n > MAX_REQUEST)) {
    errno = ENOMEM;
    return 0;
  }
  size_t nb = request2size(n);
  if (nb < SMALL_LIMIT) {
    unsigned i = (unsigned)(nb >> 4);
    chunk *c = tcache[i];
    if (c) {
      tcache[i] = c->fd;
      tcount[i]--;
      return chunk2mem(c);
    }
    if (nb < FAST_LIMIT && (c = fastbin[i])) {
      fastbin[i] = c->fd;
      return chunk2mem(c);
    }
  }
  if (UNLIKELY(!ready))
    init();
  chunk *c = alloc_chunk(nb, clean);
  if (!c) {
    errno = ENOMEM;
    return 0;
  }
  return chunk2mem(c);
}

void *malloc(size_t n) { return do_malloc(n, 0); }

void free(void *p) {
  if (!p)
    return;
  chunk *c = mem2chunk(p);
  size_t s = csize(c);
  if (s < SMALL_LIMIT) {
    unsigned i = (unsigned)(s >> 4);
    if (tcount[i] < TC_MAX) {
      c->fd = tcache[i];
      tcache[i] = c;
      tcount[i]++;
      return;
    }
    if (s < FAST_LIMIT) {
      c->fd = fastbin[i];
      fastbin[i] = c;
      have_fast = 1;
      return;
    }
  }
  release(c);
}

void *calloc(size_t n, size_t m) {
  size_t t;
  if (__builtin_mul_overflow(n, m, &t)) {
    errno = ENOMEM;
    return 0;
  }
  char *clean = (char *)-1;
  char *p = do_malloc(t, &clean);
  if (!p)
    return 0;
  size_t use = csize(mem2chunk(p)) - 8;
  if (clean != (char *)-1 && clean < p + use)
    use = clean > p ? (size_t)(clean - p) : 0;
  memset(p, 0, use);
  return p;
}

void *realloc(void *p, size_t n) {
  if (!p)
    return malloc(n);
  if (!n) {
    free(p);
    return 0;
  }
  if (n > MAX_REQUEST) {
    errno = ENOMEM;
    return 0;
  }
  size_t nb = request2size(n);
  chunk *c = mem2chunk(p);
  size_t s = csize(c);
  if (s >= nb) {
    if (s >= SMALL_LIMIT)
      trim_tail(c, nb);
    return p;
  }
  if (!ready)
    init();
  chunk *next = at(c, s);
  if (next == top && s + topsize >= nb + MIN_CHUNK) {
    topsize -= nb - s;
    top = at(c, nb);
    top->head = topsize | PINUSE;
    c->head = nb | (c->head & FLAGS);
    if ((char *)top + 16 > clean_from)
      clean_from = (char *)top + 16;
    return p;
  }
  if (next != top && !(next->head & CINUSE) && s + csize(next) >= nb) {
    size_t t = s + csize(next);
    bin_unlink(next);
    c->head = t | (c->head & FLAGS);
    at(c, t)->head |= PINUSE;
    trim_tail(c, nb);
    return p;
  }
  void *q = malloc(n);
  if (!q)
    return 0;
  memcpy(q, p, s - 8);
  free(p);
  return q;
}

void *reallocarray(void *p, size_t n, size_t m) {
  size_t t;
  if (__builtin_mul_overflow(n, m, &t)) {
    errno = ENOMEM;
    return 0;
  }
  return realloc(p, t);
}

void *memalign(size_t align, size_t n) {
  if (align & (align - 1) || !align) {
    errno = EINVAL;
    return 0;
  }
  if (align <= 16)
    return malloc(n);
  if (n > MAX_REQUEST || align > MAX_REQUEST) {
    errno = ENOMEM;
    return 0;
  }
  size_t nb = request2size(n);
  char *p = malloc(nb + align + MIN_CHUNK);
  if (!p)
    return 0;
  chunk *c = mem2chunk(p);
  if ((uintptr_t)p & (align - 1)) {
    char *a = (char *)(((uintptr_t)p + MIN_CHUNK + align - 1) & ~(align - 1));
    chunk *nc = mem2chunk(a);
    size_t lead = (size_t)((char *)nc - (char *)c);
    size_t rest = csize(c) - lead;
    nc->head = rest | CINUSE | PINUSE;
    c->head = lead | CINUSE | (c->head & PINUSE);
    release(c); /* not the cache: nc must see its neighbour's real state */
    c = nc;
    p = a;
  }
  trim_tail(c, nb);
  return p;
}

void *aligned_alloc(size_t align, size_t n) { return memalign(align, n); }

int posix_memalign(void **res, size_t align, size_t n) {
  if (align < sizeof(void *) || (align & (align - 1)))
    return EINVAL;
  void *p = memalign(align, n);
  if (!p)
    return ENOMEM;
  *res = p;
  return 0;
}

void *valloc(size_t n) { return memalign(4096, n); }

size_t malloc_usable_size(void *p) { return p ? csize(mem2chunk(p)) - 8 : 0; }
HIDDEN size_t __sfi_malloc_usable(void *p) { return malloc_usable_size(p); }
