/* complex.c: _Complex multiplication and division in float, double and
 * long double (clang calls __mul?c3/__div?c3 for them) over every
 * combination of special and ordinary values (zeros, infinities, NaNs,
 * huge, tiny and subnormal numbers) and random ones, against the native
 * build (compiler-rt's builtins). NaNs are compared as NaN (their sign and
 * payload are not specified). Prints one hash per operation and width;
 * "complex -v" prints every result. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int verbose;
static uint64_t h[6];

static void mix(int k, const void *p, size_t n) {
  const unsigned char *c = p;
  for (size_t i = 0; i < n; i++)
    h[k] = (h[k] ^ c[i]) * 0x100000001b3ull;
}
/* Canonical bits: any NaN is one value. */
#define FEED(k, T, v)                                                          \
  do {                                                                         \
    T v_ = (v);                                                                \
    unsigned char b_[sizeof(T)];                                               \
    memset(b_, 0, sizeof b_);                                                  \
    if (isnan(v_))                                                             \
      b_[0] = 0x7f;                                                            \
    else                                                                       \
      memcpy(b_, &v_, sizeof(T) == 16 ? 10 : sizeof(T));                       \
    mix(k, b_, sizeof b_);                                                     \
  } while (0)

static double vals[] = {0.0,     -0.0,     1.0,      -1.0,    2.5,
                        -3.75,   1e300,    -1e300,   1e-300,  4.9e-324,
                        INFINITY, -INFINITY, NAN,    -NAN,    DBL_MAX,
                        1.5e-310, 0.1,     -7.0};
#define NV (sizeof vals / sizeof vals[0])

static uint64_t rng = 88172645463325252ull;
static double rnd(void) {
  rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
  double m = (double)(rng >> 11) / 9007199254740992.0 - 0.5;
  int e = (int)(rng % 41) - 20;
  return ldexp(m, e);
}

#define RUN(T, KM, KD, FMT)                                                    \
  do {                                                                         \
    volatile T a = (T)A, b = (T)B, c = (T)C, d = (T)D;                         \
    T _Complex x, y;                                                           \
    __real__ x = a, __imag__ x = b, __real__ y = c, __imag__ y = d;            \
    T _Complex m = x * y, q = x / y;                                           \
    FEED(KM, T, __real__ m);                                                   \
    FEED(KM, T, __imag__ m);                                                   \
    FEED(KD, T, __real__ q);                                                   \
    FEED(KD, T, __imag__ q);                                                   \
    if (verbose)                                                               \
      printf("%d (%" FMT ",%" FMT ")*(%" FMT ",%" FMT ") = (%" FMT             \
             ",%" FMT ") / = (%" FMT ",%" FMT ")\n",                           \
             KM, a, b, c, d, __real__ m, __imag__ m, __real__ q,               \
             __imag__ q);                                                      \
  } while (0)

static void one(double A, double B, double C, double D) {
  RUN(float, 0, 1, "a");
  RUN(double, 2, 3, "a");
  RUN(long double, 4, 5, "La");
}

int main(int argc, char **argv) {
  verbose = argc > 1 && !strcmp(argv[1], "-v");
  for (int k = 0; k < 6; k++)
    h[k] = 0xcbf29ce484222325ull;
  for (unsigned i = 0; i < NV; i++)
    for (unsigned j = 0; j < NV; j++)
      for (unsigned k = 0; k < NV; k++)
        for (unsigned l = 0; l < NV; l++)
          one(vals[i], vals[j], vals[k], vals[l]);
  for (int i = 0; i < 20000; i++) {
    double a = rnd(), b = rnd(), c = rnd(), d = rnd();
    one(a, b, c, d);
  }
  static const char *names[] = {"float *", "float /", "double *",
                                "double /", "long double *", "long double /"};
  for (int k = 0; k < 6; k++)
    printf("%-14s %016llx\n", names[k], (unsigned long long)h[k]);
  /* A few by value, readable. */
  volatile double inf = INFINITY, nan_ = NAN, zero = 0.0;
  double _Complex u, v, z;
  __real__ u = 1.0, __imag__ u = 2.0;
  __real__ v = 3.0, __imag__ v = -4.0;
  z = u * v;
  printf("(1+2i)(3-4i) = %g%+gi\n", __real__ z, __imag__ z);
  __real__ u = inf, __imag__ u = nan_;
  __real__ v = 1.0, __imag__ v = 1.0;
  z = u * v;
  printf("(inf,nan)*(1,1) infinite: %d\n", isinf(__real__ z) || isinf(__imag__ z));
  __real__ u = 1.0, __imag__ u = 1.0;
  __real__ v = zero, __imag__ v = zero;
  z = u / v;
  printf("(1,1)/(0,0) infinite: %d\n", isinf(__real__ z) || isinf(__imag__ z));
  __real__ v = inf, __imag__ v = nan_;
  z = u / v;
  printf("(1,1)/(inf,nan) = (%g, %g)\n", fabs(__real__ z), fabs(__imag__ z));
  return 0;
}
