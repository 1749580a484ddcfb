/* sorthash.c: sorting and hash tables in the manner of SPEC's gcc/xalanc
 * data-structure work: an LSD radix sort, a merge sort, libc qsort with a
 * comparator, and an open-addressing hash table with inserts, lookups and
 * deletes over generated keys. Usage: sorthash [small|full] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rs = 0x3c6ef372fe94f82bull;
static uint64_t rnd64(void) {
  rs ^= rs << 13;
  rs ^= rs >> 7;
  rs ^= rs << 17;
  return rs;
}

static void radix_sort(uint64_t *a, uint64_t *tmp, size_t n) {
  for (int shift = 0; shift < 64; shift += 16) {
    static size_t cnt[65537];
    memset(cnt, 0, sizeof cnt);
    for (size_t i = 0; i < n; i++)
      cnt[((a[i] >> shift) & 0xffff) + 1]++;
    for (int i = 0; i < 65536; i++)
      cnt[i + 1] += cnt[i];
    for (size_t i = 0; i < n; i++)
      tmp[cnt[(a[i] >> shift) & 0xffff]++] = a[i];
    memcpy(a, tmp, n * sizeof *a);
  }
}

static void merge_sort(uint32_t *a, uint32_t *tmp, size_t n) {
  if (n < 24) {
    for (size_t i = 1; i < n; i++) {
      uint32_t x = a[i];
      size_t j = i;
      while (j > 0 && a[j - 1] > x) {
        a[j] = a[j - 1];
        j--;
      }
      a[j] = x;
    }
    return;
  }
  size_t h = n / 2;
  merge_sort(a, tmp, h);
  merge_sort(a + h, tmp, n - h);
  size_t i = 0, j = h, k = 0;
  while (i < h && j < n)
    tmp[k++] = a[j] < a[i] ? a[j++] : a[i++];
  while (i < h)
    tmp[k++] = a[i++];
  while (j < n)
    tmp[k++] = a[j++];
  memcpy(a, tmp, n * sizeof *a);
}

typedef struct {
  char name[12];
  uint32_t score, id;
} rec;
static int rec_cmp(const void *x, const void *y) {
  const rec *a = x, *b = y;
  if (a->score != b->score)
    return a->score < b->score ? 1 : -1; /* descending score */
  int c = strcmp(a->name, b->name);
  if (c)
    return c;
  return a->id < b->id ? -1 : a->id > b->id; /* total order */
}

/* Open addressing with linear probing and tombstones. */
typedef struct {
  uint64_t *keys;
  uint32_t *vals;
  size_t mask, used;
} table;
#define EMPTY 0
#define TOMB 1
static size_t hslot(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  return (size_t)k;
}
static uint32_t *tfind(table *t, uint64_t k, int insert) {
  size_t i = hslot(k) & t->mask, tomb = (size_t)-1;
  for (;;) {
    uint64_t c = t->keys[i];
    if (c == k)
      return &t->vals[i];
    if (c == EMPTY) {
      if (!insert)
        return NULL;
      if (tomb != (size_t)-1)
        i = tomb;
      t->keys[i] = k;
      t->vals[i] = 0;
      t->used++;
      return &t->vals[i];
    }
    if (c == TOMB && tomb == (size_t)-1)
      tomb = i;
    i = (i + 1) & t->mask;
  }
}
static int tdel(table *t, uint64_t k) {
  size_t i = hslot(k) & t->mask;
  for (;;) {
    uint64_t c = t->keys[i];
    if (c == k) {
      t->keys[i] = TOMB;
      return 1;
    }
    if (c == EMPTY)
      return 0;
    i = (i + 1) & t->mask;
  }
}

int main(int argc, char **argv) {
  const char *size = argc > 1 ? argv[1] : "full";
  size_t n, nrec, nops;
  if (!strcmp(size, "small")) {
    n = 20000, nrec = 5000, nops = 50000;
  } else if (!strcmp(size, "full")) {
    n = 6000000, nrec = 1000000, nops = 16000000;
  } else {
    fprintf(stderr, "usage: sorthash [small|full]\n");
    return 2;
  }
  uint64_t h = 1469598103934665603ull;
#define MIX(v) (h = (h ^ (uint64_t)(v)) * 1099511628211ull)
  uint64_t *a = malloc(n * sizeof *a), *t = malloc(n * sizeof *t);
  uint32_t *b = malloc(n * sizeof *b), *bt = malloc(n * sizeof *bt);
  rec *r = malloc(nrec * sizeof *r);
  if (!a || !t || !b || !bt || !r)
    return 1;
  for (size_t i = 0; i < n; i++) {
    a[i] = rnd64();
    b[i] = (uint32_t)(rnd64() >> 40); /* many duplicates */
  }
  radix_sort(a, t, n);
  merge_sort(b, bt, n);
  int ok = 1;
  for (size_t i = 1; i < n; i++)
    ok &= a[i - 1] <= a[i] && b[i - 1] <= b[i];
  for (size_t i = 0; i < n; i += 1000)
    MIX(a[i] ^ b[i]);
  for (size_t i = 0; i < nrec; i++) {
    uint64_t x = rnd64();
    for (int k = 0; k < 11; k++)
      r[i].name[k] = (char)('a' + (x >> (k * 5)) % 8);
    r[i].name[11] = 0;
    r[i].score = (uint32_t)(rnd64() % 1000);
    r[i].id = (uint32_t)i;
  }
  qsort(r, nrec, sizeof *r, rec_cmp);
  for (size_t i = 0; i < nrec; i += 100)
    MIX(r[i].id);
  table tb;
  tb.mask = nops > 100000 ? (1u << 22) - 1 : (1u << 17) - 1;
  tb.used = 0;
  tb.keys = calloc(tb.mask + 1, sizeof(uint64_t));
  tb.vals = calloc(tb.mask + 1, sizeof(uint32_t));
  if (!tb.keys || !tb.vals)
    return 1;
  size_t hits = 0, dels = 0, live = 0;
  for (size_t i = 0; i < nops; i++) {
    uint64_t k = 2 + rnd64() % 1500000;
    uint32_t op = (uint32_t)(rnd64() >> 61);
    if (op < 5) {
      uint32_t *v = tfind(&tb, k, 1);
      if (*v == 0)
        live++;
      (*v)++;
    } else if (op < 7) {
      uint32_t *v = tfind(&tb, k, 0);
      if (v) {
        hits++;
        MIX(*v);
      }
    } else {
      if (tdel(&tb, k)) {
        dels++;
        live--;
      }
    }
    if (tb.used > tb.mask / 2) { /* rebuild without tombstones */
      table nt = {calloc(tb.mask + 1, sizeof(uint64_t)),
                  calloc(tb.mask + 1, sizeof(uint32_t)), tb.mask, 0};
      for (size_t j = 0; j <= tb.mask; j++)
        if (tb.keys[j] > TOMB)
          *tfind(&nt, tb.keys[j], 1) = tb.vals[j];
      free(tb.keys);
      free(tb.vals);
      tb = nt;
    }
  }
  printf("sorthash: sorted=%d hits=%zu dels=%zu live=%zu\n", ok, hits, dels,
         live);
  printf("checksum: %016llx\n", (unsigned long long)h);
  free(a); free(t); free(b); free(bt); free(r); free(tb.keys); free(tb.vals);
  return 0;
}
