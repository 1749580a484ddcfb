/* malloc_bench.c: allocation-heavy microbenchmarks; prints ns per
 * operation for each pattern and a checksum that must match across builds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
static uint64_t st = 42;
static inline uint64_t rnd(void) {
  st ^= st << 13;
  st ^= st >> 7;
  st ^= st << 17;
  return st;
}
static uint64_t sink;
/* Clang removes a malloc/free pair whose block never escapes: publish
 * every block through a volatile so each call really happens. */
static void *volatile escape;
#define KEEP(p) (escape = (p))

#define REPORT(name, ops, t)                                                   \
  printf("%-22s %8.2f ns/op\n", name, (t)*1e9 / (double)(ops))

int main(int argc, char **argv) {
  long scale = argc > 1 ? atol(argv[1]) : 1;
  /* 1. malloc+free pairs of small sizes, LIFO. */
  long n = 20000000 * scale;
  double t = now();
  for (long i = 0; i < n; i++) {
    char *p = malloc(16 + (size_t)(i & 7) * 16);
    KEEP(p);
    p[0] = (char)i;
    sink += (unsigned char)p[0];
    free(p);
  }
  REPORT("small pairs", n, now() - t);

  /* 2. A working set of 10000 live objects, random sizes up to 512 B,
   * replaced at random. */
  enum { LIVE = 10000 };
  static char *live[LIVE];
  for (int i = 0; i < LIVE; i++)
    live[i] = malloc(1 + rnd() % 512);
  n = 10000000 * scale;
  t = now();
  for (long i = 0; i < n; i++) {
    int k = (int)(rnd() % LIVE);
    free(live[k]);
    KEEP(live[k] = malloc(1 + rnd() % 512));
    live[k][0] = (char)k;
  }
  REPORT("random working set", n, now() - t);
  for (int i = 0; i < LIVE; i++)
    free(live[i]);

  /* 3. Medium and large blocks (1-64 KiB), 64 live. */
  static char *mid[64];
  n = 2000000 * scale;
  t = now();
  for (long i = 0; i < n; i++) {
    int k = (int)(rnd() % 64);
    free(mid[k]);
    KEEP(mid[k] = malloc(1024 + rnd() % 65536));
    mid[k][0] = 1;
  }
  REPORT("medium 1-64KiB", n, now() - t);
  for (int i = 0; i < 64; i++)
    free(mid[i]);

  /* 4. Build a linked list of 1M nodes, free it (allocation bursts). */
  struct node {
    struct node *next;
    long v;
  };
  n = 0;
  t = now();
  for (int r = 0; r < 5 * scale; r++) {
    struct node *head = 0;
    for (long i = 0; i < 1000000; i++) {
      struct node *x = malloc(sizeof *x);
      KEEP(x);
      x->v = i;
      x->next = head;
      head = x;
    }
    while (head) {
      struct node *x = head->next;
      sink += (uint64_t)head->v;
      free(head);
      head = x;
    }
    n += 2000000;
  }
  REPORT("list build+free", n, now() - t);

  /* 5. realloc growth of vectors. */
  n = 0;
  t = now();
  for (int r = 0; r < 2000 * scale; r++) {
    int *v = 0;
    for (int i = 1; i <= 1000; i++) {
      if ((i & (i - 1)) == 0 || i % 100 == 0)
        KEEP(v = realloc(v, sizeof *v * (size_t)(i * 2)));
      v[i - 1] = i;
      n++;
    }
    sink += (uint64_t)v[999];
    free(v);
  }
  REPORT("realloc growth", n, now() - t);

  /* 6. calloc of 4 KiB blocks. */
  n = 500000 * scale;
  t = now();
  for (long i = 0; i < n; i++) {
    char *p = calloc(1, 4096);
    KEEP(p);
    sink += (unsigned char)p[100];
    free(p);
  }
  REPORT("calloc 4KiB", n, now() - t);
  printf("checksum %llu\n", (unsigned long long)sink);
  return 0;
}
