/* moments.c: mean, standard deviation (two-pass) and geometric mean. */
#include <math.h>

#include "stats.h"

double stats_mean(const double *x, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; i++)
    s += x[i];
  return n ? s / (double)n : NAN;
}

double stats_stddev(const double *x, size_t n) {
  if (n < 2)
    return NAN;
  double m = stats_mean(x, n), s = 0;
  for (size_t i = 0; i < n; i++)
    s += (x[i] - m) * (x[i] - m);
  return sqrt(s / (double)(n - 1));
}

double stats_geomean(const double *x, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; i++)
    s += log(x[i]);
  return n ? exp(s / (double)n) : NAN;
}
