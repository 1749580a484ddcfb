/* order.c: quantiles by sorting a copy with qsort (a comparator called
 * through a function pointer: inside the sandbox, a jump-table entry). */
#include <stdlib.h>
#include <string.h>

#include "stats.h"

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

double stats_quantile(const double *x, size_t n, double q) {
  double *c = malloc(n * sizeof *c);
  if (!c || n == 0) {
    free(c);
    return 0;
  }
  memcpy(c, x, n * sizeof *c);
  qsort(c, n, sizeof *c, cmp_double);
  double pos = q * (double)(n - 1);
  size_t i = (size_t)pos;
  double frac = pos - (double)i, v = c[i];
  if (i + 1 < n)
    v += frac * (c[i + 1] - c[i]);
  free(c);
  return v;
}
