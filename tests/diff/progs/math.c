/* math.c: the math library over many arguments, compared bit for bit
 * with glibc's libm: one FNV hash of result bits per function (and per
 * precision); a differing function shows up by name. */
#define _GNU_SOURCE
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t st = 0x243f6a8885a308d3ull;
static uint64_t rnd(void) {
  st ^= st << 13;
  st ^= st >> 7;
  st ^= st << 17;
  return st;
}

#define N 4000
static double args[N];
static float fargs[N];
static long double largs[N];

static uint64_t hash;
static void mixd(double d) {
  uint64_t b;
  memcpy(&b, &d, 8);
  if (isnan(d))
    b = 0x7ff8000000000000ull | (b & 0x8000000000000000ull);
  hash = (hash ^ b) * 1099511628211ull;
}
static void mixf(float f) { mixd((double)f); }
static void mixl(long double l) {
  unsigned char b[10];
  if (isnan(l))
    l = NAN;
  memcpy(b, &l, 10);
  for (int i = 0; i < 10; i++)
    hash = (hash ^ b[i]) * 1099511628211ull;
}
static void mixi(long long i) {
  hash = (hash ^ (uint64_t)i) * 1099511628211ull;
}

#define BEGIN() hash = 1469598103934665603ull
#define END(name) printf("%-12s %016llx\n", name, (unsigned long long)hash)
#define F1(fn)                                                                 \
  BEGIN();                                                                     \
  for (int i = 0; i < N; i++)                                                  \
    mixd(fn(args[i]));                                                         \
  END(#fn);                                                                    \
  BEGIN();                                                                     \
  for (int i = 0; i < N; i++)                                                  \
    mixf(fn##f(fargs[i]));                                                     \
  END(#fn "f");                                                                \
  BEGIN();                                                                     \
  for (int i = 0; i < N; i++)                                                  \
    mixl(fn##l(largs[i]));                                                     \
  END(#fn "l");
#define F2(fn)                                                                 \
  BEGIN();                                                                     \
  for (int i = 0; i < N; i++)                                                  \
    mixd(fn(args[i], args[(i * 7 + 3) % N]));                                  \
  END(#fn);                                                                    \
  BEGIN();                                                                     \
  for (int i = 0; i < N; i++)                                                  \
    mixf(fn##f(fargs[i], fargs[(i * 7 + 3) % N]));                             \
  END(#fn "f");                                                                \
  BEGIN();                                                                     \
  for (int i = 0; i < N; i++)                                                  \
    mixl(fn##l(largs[i], largs[(i * 7 + 3) % N]));                             \
  END(#fn "l");

int main(void) {
  static const double special[] = {
      0.0,      -0.0,      1.0,    -1.0,
      0.5,      -0.5,      2.0,    10.0,
      INFINITY, -INFINITY, NAN,    1e-310,
      -1e-310,  1e308,     -1e308, 3.14159265358979,
      0.1,      100.5,     -2.5,   709.78,
      -745.1,   1e-20};
  int ns = (int)(sizeof special / sizeof *special);
  for (int i = 0; i < N; i++) {
    double d;
    if (i < ns) {
      d = special[i];
    } else if (i % 3 == 0) {
      uint64_t b = rnd();
      memcpy(&d, &b, 8);
    } else if (i % 3 == 1) {
      d = ((double)(rnd() >> 11) / 9007199254740992.0 - 0.5) * 20;
    } else {
      d = ((double)(rnd() >> 11) / 9007199254740992.0 - 0.5) * 2000;
    }
    args[i] = d;
    fargs[i] = (float)d;
    largs[i] = (long double)d * (1 + 1e-17L * (long double)(i % 5));
  }
  F1(sin)
  F1(cos) F1(tan) F1(asin) F1(acos) F1(atan) F1(sinh) F1(cosh) F1(tanh)
      F1(asinh) F1(acosh) F1(atanh) F1(exp) F1(exp2) F1(expm1) F1(log) F1(log2)
          F1(log10) F1(log1p) F1(logb) F1(cbrt) F1(sqrt) F1(erf) F1(erfc)
              F1(tgamma) F1(lgamma) F1(ceil) F1(floor) F1(trunc) F1(round)
                  F1(rint) F1(nearbyint) F1(fabs) F2(pow) F2(atan2) F2(hypot)
                      F2(fmod) F2(remainder) F2(fdim) F2(fmax) F2(fmin)
                          F2(nextafter) F2(copysign) BEGIN();
  for (int i = 0; i < N; i++) {
    mixd(fma(args[i], args[(i + 1) % N], args[(i + 2) % N]));
    mixf(fmaf(fargs[i], fargs[(i + 1) % N], fargs[(i + 2) % N]));
    mixl(fmal(largs[i], largs[(i + 1) % N], largs[(i + 2) % N]));
  }
  END("fma*");
  BEGIN();
  for (int i = 0; i < N; i++) {
    int e;
    mixd(frexp(args[i], &e));
    mixi(isfinite(args[i]) ? e : 0);
    mixf(frexpf(fargs[i], &e));
    mixi(isfinite(fargs[i]) ? e : 0);
    mixl(frexpl(largs[i], &e));
    mixi(isfinite(largs[i]) ? e : 0);
    mixd(ldexp(args[i], (int)(rnd() % 200) - 100));
    mixd(scalbn(args[i], (int)(rnd() % 2200) - 1100));
    mixf(scalbnf(fargs[i], (int)(rnd() % 300) - 150));
    mixl(scalblnl(largs[i], (long)(rnd() % 300) - 150));
    mixi(ilogb(args[i]));
    mixi(ilogbf(fargs[i]));
  }
  END("frexp/ldexp");
  BEGIN();
  for (int i = 0; i < N; i++) {
    double ip;
    float fip;
    long double lip;
    mixd(modf(args[i], &ip));
    mixd(ip);
    mixf(modff(fargs[i], &fip));
    mixf(fip);
    mixl(modfl(largs[i], &lip));
    mixl(lip);
  }
  END("modf");
  BEGIN();
  for (int i = 0; i < N; i++) {
    int q;
    double y = args[(i * 13 + 1) % N];
    double r = remquo(args[i], y, &q);
    mixd(r);
    mixi(isnan(r) ? 0 : q & 7);
    mixi(isnan(r) ? 0 : (q < 0));
    float rf = remquof(fargs[i], (float)y, &q);
    mixf(rf);
    mixi(isnan(rf) ? 0 : q & 7);
  }
  END("remquo");
  BEGIN();
  for (int i = 0; i < N; i++) {
    double s, c;
    sincos(args[i], &s, &c);
    mixd(s);
    mixd(c);
    int sg;
    mixd(lgamma_r(args[i], &sg));
    mixi(isfinite(args[i]) ? sg : 0);
    if (fabs(args[i]) < 1e18) {
      mixi(lrint(args[i]));
      mixi(llround(args[i]));
      mixi(lround(args[i]));
    }
  }
  END("sincos/lgamma_r/lrint");
  BEGIN();
  mixd(nan(""));
  mixd(nan("123"));
  mixf(nanf("7"));
  mixl(nanl(""));
  END("nan");
  BEGIN();
  for (int i = 0; i < N; i++) {
    mixi(fpclassify(args[i]));
    mixi(fpclassify(fargs[i]));
    mixi(fpclassify(largs[i]));
    mixi(signbit(args[i]) != 0);
    mixi(signbit(largs[i]) != 0);
    mixi(isnormal(args[i]));
    mixi(isinf(largs[i]) != 0);
    mixi(isgreater(args[i], args[(i + 1) % N]));
    mixi(isunordered(args[i], args[(i + 1) % N]));
  }
  END("classify");
  return 0;
}
