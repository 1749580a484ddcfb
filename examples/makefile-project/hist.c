/* hist.c: a text histogram. */
#include <stdio.h>
#include <stdlib.h>

#include "stats.h"

void stats_histogram(const double *x, size_t n, double lo, double hi, int nbins,
                     int width) {
  size_t *count = calloc((size_t)nbins, sizeof *count), max = 1;
  if (!count)
    return;
  for (size_t i = 0; i < n; i++) {
    if (x[i] < lo || x[i] >= hi)
      continue;
    int b = (int)((x[i] - lo) / (hi - lo) * nbins);
    if (++count[b] > max)
      max = count[b];
  }
  for (int b = 0; b < nbins; b++) {
    int bar = (int)(count[b] * (size_t)width / max);
    printf("%7.2f %6zu %.*s\n", lo + (hi - lo) * b / nbins, count[b], bar,
           "##################################################"
           "##################################################");
  }
  free(count);
}
