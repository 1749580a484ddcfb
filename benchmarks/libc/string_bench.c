/* string_bench.c: string/memory function microbenchmarks at several sizes;
 * prints ns per call and a checksum that must match across builds. */
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
static uint64_t sink;
/* Keeps the compiler from folding or hoisting calls with known inputs. */
static void *volatile launder_p;
static void *launder(void *p) {
  launder_p = p;
  return launder_p;
}

#define REPORT(name, sz, ops, t)                                               \
  printf("%-10s %8zu B %9.2f ns/call\n", name, (size_t)(sz),                   \
         (t)*1e9 / (double)(ops))

int main(int argc, char **argv) {
  long scale = argc > 1 ? atol(argv[1]) : 1;
  static const size_t sizes[] = {8, 32, 128, 1024, 16384, 1 << 20};
  char *a = malloc((1 << 20) + 64), *b = malloc((1 << 20) + 64);
  for (int i = 0; i < (1 << 20) + 64; i++)
    a[i] = (char)('a' + i % 23);
  memcpy(b, a, (1 << 20) + 64);
  for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
    size_t n = sizes[s];
    long iters = (long)(200000000 / (n + 32)) * scale;
    char *pa = launder(a + 1), *pb = launder(b + 3);
    double t = now();
    for (long i = 0; i < iters; i++) {
      memcpy(pb, pa, n);
      pb = launder(pb);
    }
    REPORT("memcpy", n, iters, now() - t);
    t = now();
    for (long i = 0; i < iters; i++) {
      memset(pb, (int)i, n);
      pb = launder(pb);
    }
    REPORT("memset", n, iters, now() - t);
    memcpy(b, a, (1 << 20) + 64);
    pa = launder(a);
    pb = launder(b);
    t = now();
    for (long i = 0; i < iters; i++) {
      sink += (uint64_t)(memcmp(pa, pb, n) == 0);
      pb = launder(pb);
    }
    REPORT("memcmp", n, iters, now() - t);
    a[n] = 0;
    b[n] = 0;
    t = now();
    for (long i = 0; i < iters; i++) {
      sink += strlen(pa);
      pa = launder(pa);
    }
    REPORT("strlen", n, iters, now() - t);
    t = now();
    for (long i = 0; i < iters; i++) {
      sink += (uint64_t)(strcmp(pa, pb) == 0);
      pb = launder(pb);
    }
    REPORT("strcmp", n, iters, now() - t);
    t = now();
    for (long i = 0; i < iters; i++) {
      sink += (uint64_t)(strchr(pa, '#') == 0);
      pa = launder(pa);
    }
    REPORT("strchr", n, iters, now() - t);
    t = now();
    for (long i = 0; i < iters; i++) {
      strcpy(pb, pa);
      pb = launder(pb);
    }
    REPORT("strcpy", n, iters, now() - t);
    a[n] = (char)('a' + n % 23);
    b[n] = a[n];
  }
  /* Short-string mix typical of parsers: tokens of 3-20 bytes. */
  char words[64][24];
  for (int i = 0; i < 64; i++) {
    int l = 3 + i % 18;
    for (int j = 0; j < l; j++)
      words[i][j] = (char)('a' + (i * 7 + j) % 26);
    words[i][l] = 0;
  }
  long iters = 20000000 * scale;
  double t = now();
  for (long i = 0; i < iters; i++) {
    const char *w = launder(words[i & 63]);
    const char *v = launder(words[(i * 13) & 63]);
    sink += strlen(w) + (uint64_t)(strcmp(w, v) < 0);
  }
  REPORT("tokens", 12, iters, now() - t);
  printf("checksum %llu\n", (unsigned long long)sink);
  return 0;
}
