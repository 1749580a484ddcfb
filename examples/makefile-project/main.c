/* main.c: draws samples, prints their statistics and a histogram.
 *   stats [N [SEED]] */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"

int main(int argc, char **argv) {
  size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 10000;
  uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 0) : 42;
  if (n < 2 || n > 10000000) {
    fprintf(stderr, "stats: N must be in [2, 10000000]\n");
    return 2;
  }
  double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
  if (!x || !y) {
    fprintf(stderr, "stats: %s\n", strerror(ENOMEM));
    return 1;
  }
  struct rng r;
  rng_seed(&r, seed);
  for (size_t i = 0; i < n; i++) {
    x[i] = rng_normal(&r, 50.0, 12.5);
    y[i] = 1.0 + 99.0 * rng_uniform(&r);
  }
  printf("samples %zu seed %llu\n", n, (unsigned long long)seed);
  printf("normal  mean %.9f sd %.9f\n", stats_mean(x, n), stats_stddev(x, n));
  printf("        q05 %.6f median %.6f q95 %.6f\n", stats_quantile(x, n, 0.05),
         stats_quantile(x, n, 0.5), stats_quantile(x, n, 0.95));
  printf("uniform mean %.9f geomean %.9f sd %.6e\n", stats_mean(y, n),
         stats_geomean(y, n), stats_stddev(y, n));
  stats_histogram(x, n, 0.0, 100.0, 20, 50);
  free(x);
  free(y);
  return 0;
}
