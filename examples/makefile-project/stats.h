/* stats.h: libstats, the small statistics library of the Makefile example
 * (an ordinary C project that builds unchanged with CC=sfi-cc). */
#ifndef STATS_H
#define STATS_H

#include <stddef.h>
#include <stdint.h>

/* rng.c: a reproducible generator (xorshift64*), same on every build. */
struct rng {
  uint64_t s;
};
void rng_seed(struct rng *r, uint64_t seed);
double rng_uniform(struct rng *r); /* [0, 1) */
double rng_normal(struct rng *r, double mu, double sigma);

/* moments.c */
double stats_mean(const double *x, size_t n);
double stats_stddev(const double *x, size_t n);
double stats_geomean(const double *x, size_t n); /* x > 0 */

/* order.c: sorts a copy (the caller's data stays as it is). */
double stats_quantile(const double *x, size_t n, double q);

/* hist.c: counts x into nbins equal bins over [lo, hi) and prints them. */
void stats_histogram(const double *x, size_t n, double lo, double hi, int nbins,
                     int width);

#endif
