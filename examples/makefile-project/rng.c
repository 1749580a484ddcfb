/* rng.c: xorshift64* and a Box-Muller normal, deterministic everywhere. */
#include <math.h>

#include "stats.h"

void rng_seed(struct rng *r, uint64_t seed) {
  r->s = seed ? seed : 0x9E3779B97F4A7C15ull;
}

static uint64_t next(struct rng *r) {
  r->s ^= r->s >> 12;
  r->s ^= r->s << 25;
  r->s ^= r->s >> 27;
  return r->s * 0x2545F4914F6CDD1Dull;
}

double rng_uniform(struct rng *r) { return (next(r) >> 11) * 0x1.0p-53; }

double rng_normal(struct rng *r, double mu, double sigma) {
  double u = rng_uniform(r), v = rng_uniform(r);
  if (u < 1e-300)
    u = 1e-300;
  return mu + sigma * sqrt(-2.0 * log(u)) * cos(2.0 * M_PI * v);
}
