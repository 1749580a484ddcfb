/* int128.c: the compiler's 128-bit helpers (compiler-rt's names): the
 * sandbox cannot link the host's libgcc or compiler-rt, which are not
 * built with the pass. Written with 64-bit operations only, so the
 * compiler never calls back into these. */
#include <stdint.h>

typedef unsigned __int128 u128;
typedef __int128 i128;

static inline uint64_t hi(u128 x) { return (uint64_t)(x >> 64); }
static inline uint64_t lo(u128 x) { return (uint64_t)x; }
static inline u128 mk(uint64_t h, uint64_t l) { return (u128)h << 64 | l; }

u128 __udivmodti4(u128 a, u128 b, u128 *rem) {
  if (!hi(a) && !hi(b)) {
    if (rem)
      *rem = lo(a) % lo(b);
    return lo(a) / lo(b);
  }
  if (!hi(b) && lo(b) <= 0xffffffffu) {
    /* Schoolbook division by a one-digit (32-bit) divisor. */
    uint64_t d = lo(b), r = 0, q[4];
    uint32_t digits[4] = {(uint32_t)(hi(a) >> 32), (uint32_t)hi(a),
                          (uint32_t)(lo(a) >> 32), (uint32_t)lo(a)};
    for (int i = 0; i < 4; i++) {
      uint64_t t = r << 32 | digits[i];
      q[i] = t / d;
      r = t % d;
    }
    if (rem)
      *rem = r;
    return mk(q[0] << 32 | q[1], q[2] << 32 | q[3]);
  }
  if (b > a) {
    if (rem)
      *rem = a;
    return 0;
  }
  /* Shift-subtract over the bits that can be set in the quotient. */
  int shift = __builtin_clzll(hi(b) ? hi(b) : lo(b)) + (hi(b) ? 0 : 64) -
              (hi(a) ? __builtin_clzll(hi(a)) : 64 + __builtin_clzll(lo(a)));
  u128 q = 0, d = b << shift;
  for (; shift >= 0; shift--, d >>= 1) {
    q <<= 1;
    if (a >= d) {
      a -= d;
      q |= 1;
    }
  }
  if (rem)
    *rem = a;
  return q;
}

u128 __udivti3(u128 a, u128 b) { return __udivmodti4(a, b, 0); }
u128 __umodti3(u128 a, u128 b) {
  u128 r;
  __udivmodti4(a, b, &r);
  return r;
}
i128 __divti3(i128 a, i128 b) {
  u128 ua = a < 0 ? -(u128)a : (u128)a, ub = b < 0 ? -(u128)b : (u128)b;
  u128 q = __udivmodti4(ua, ub, 0);
  return (i128)((a < 0) != (b < 0) ? -q : q);
}
i128 __modti3(i128 a, i128 b) {
  u128 ua = a < 0 ? -(u128)a : (u128)a, ub = b < 0 ? -(u128)b : (u128)b, r;
  __udivmodti4(ua, ub, &r);
  return (i128)(a < 0 ? -r : r);
}
i128 __divmodti4(i128 a, i128 b, i128 *rem) {
  i128 q = __divti3(a, b);
  if (rem)
    *rem = a - q * b;
  return q;
}

/* u128 -> floating point, correctly rounded: keep the top 64 bits with a
 * sticky bit for everything below, convert once, scale exactly. */
static inline uint64_t top64(u128 x, int *scale) {
  if (!hi(x)) {
    *scale = 0;
    return lo(x);
  }
  int s = 64 - __builtin_clzll(hi(x));
  *scale = s;
  uint64_t sticky = (lo(x) << (64 - s)) != 0;
  return (uint64_t)(x >> s) | sticky;
}
static inline double pow2d(int s) {
  return s ? (double)(1ull << (s - 1)) * 2 : 1;
}

double __floatuntidf(u128 x) {
  int s;
  uint64_t m = top64(x, &s);
  return (double)m * pow2d(s);
}
double __floattidf(i128 x) {
  return x < 0 ? -__floatuntidf(-(u128)x) : __floatuntidf((u128)x);
}
float __floatuntisf(u128 x) {
  int s;
  uint64_t m = top64(x, &s);
  return (float)((float)m * pow2d(s));
}
float __floattisf(i128 x) {
  return x < 0 ? -__floatuntisf(-(u128)x) : __floatuntisf((u128)x);
}
long double __floatuntixf(u128 x) {
  int s;
  uint64_t m = top64(x, &s);
  return (long double)m * (long double)pow2d(s);
}
long double __floattixf(i128 x) {
  return x < 0 ? -__floatuntixf(-(u128)x) : __floatuntixf((u128)x);
}

/* double -> 128-bit integer, truncating (out of range is undefined). */
u128 __fixunsdfti(double x) {
  if (!(x >= 1))
    return 0;
  uint64_t b;
  __builtin_memcpy(&b, &x, 8);
  int e = (int)(b >> 52 & 0x7ff) - 1023;
  u128 m = (b & 0xfffffffffffffull) | 1ull << 52;
  if (e >= 128)
    return ~(u128)0;
  return e >= 52 ? m << (e - 52) : m >> (52 - e);
}
i128 __fixdfti(double x) {
  return x < 0 ? -(i128)__fixunsdfti(-x) : (i128)__fixunsdfti(x);
}
u128 __fixunssfti(float x) { return __fixunsdfti(x); }
i128 __fixsfti(float x) { return __fixdfti(x); }
