/* complex_rt.c: the compiler's helpers for _Complex multiplication and
 * division (__mulsc3, __muldc3, __mulxc3, __divsc3, __divdc3, __divxc3),
 * which clang calls whenever it cannot prove the operands finite. Written
 * from the C standard's Annex G (G.5.1, "multiplicative operators"): the
 * ordinary formulas, and when both parts of the result come out NaN, the
 * recovery that makes an infinite operand give an infinite result and a
 * zero divisor of a nonzero dividend an infinite one. Division scales the
 * divisor by a power of two (logb/scalbn) so that c*c + d*d neither
 * overflows nor underflows needlessly. */
#include <math.h>

#pragma STDC FP_CONTRACT OFF

#define ISINF(x) __builtin_isinf(x)
#define ISNAN(x) __builtin_isnan(x)
#define ISFIN(x) __builtin_isfinite(x)

/* One (1 or 0) with the sign of x: for "boxing" infinities. */
#define BOX(T, CS, x) CS(ISINF(x) ? (T)1 : (T)0, x)
/* A NaN operand becomes a zero of its sign (the recovery of G.5.1). */
#define UNNAN(T, CS, x)                                                        \
  do {                                                                         \
    if (ISNAN(x))                                                              \
      x = CS((T)0, x);                                                         \
  } while (0)
/* An infinite operand (x, y): both parts boxed, and the NaN parts of the
 * other operand (u, v) zeroed; the result is then recomputed. */
#define INF_OPERAND(T, CS, x, y, u, v, again)                                  \
  do {                                                                         \
    if (ISINF(x) || ISINF(y)) {                                                \
      x = BOX(T, CS, x);                                                       \
      y = BOX(T, CS, y);                                                       \
      UNNAN(T, CS, u);                                                         \
      UNNAN(T, CS, v);                                                         \
      again = 1;                                                               \
    }                                                                          \
  } while (0)

/* Returns x + iy (no arithmetic: CMPLX is C11 but not every header has it). */
#define RETURN_XY(T, x, y)                                                     \
  do {                                                                         \
    T _Complex z;                                                              \
    __real__ z = x;                                                            \
    __imag__ z = y;                                                            \
    return z;                                                                  \
  } while (0)

#define MUL(NAME, T, CS)                                                       \
  T _Complex NAME(T a, T b, T c, T d) {                                        \
    T ac = a * c, bd = b * d, ad = a * d, bc = b * c;                          \
    T x = ac - bd, y = ad + bc;                                                \
    if (ISNAN(x) && ISNAN(y)) {                                                \
      int again = 0;                                                           \
      INF_OPERAND(T, CS, a, b, c, d, again); /* the first is infinite */       \
      INF_OPERAND(T, CS, c, d, a, b, again); /* the second is */               \
      if (!again &&                                                            \
          (ISINF(ac) || ISINF(bd) || ISINF(ad) || ISINF(bc))) {                \
        /* finite operands whose partial products overflowed */                \
        UNNAN(T, CS, a);                                                       \
        UNNAN(T, CS, b);                                                       \
        UNNAN(T, CS, c);                                                       \
        UNNAN(T, CS, d);                                                       \
        again = 1;                                                             \
      }                                                                        \
      if (again) {                                                             \
        x = (T)INFINITY * (a * c - b * d);                                     \
        y = (T)INFINITY * (a * d + b * c);                                     \
      }                                                                        \
    }                                                                          \
    RETURN_XY(T, x, y);                                                        \
  }

#define DIV(NAME, T, CS, FABS, FMAX, LOGB, SCALBN)                             \
  T _Complex NAME(T a, T b, T c, T d) {                                        \
    int ilogbw = 0;                                                            \
    T logbw = LOGB(FMAX(FABS(c), FABS(d)));                                    \
    if (ISFIN(logbw)) {                                                        \
      ilogbw = (int)logbw;                                                     \
      c = SCALBN(c, -ilogbw);                                                  \
      d = SCALBN(d, -ilogbw);                                                  \
    }                                                                          \
    T denom = c * c + d * d;                                                   \
    T x = SCALBN((a * c + b * d) / denom, -ilogbw);                            \
    T y = SCALBN((b * c - a * d) / denom, -ilogbw);                            \
    if (ISNAN(x) && ISNAN(y)) {                                                \
      if (denom == (T)0 && (!ISNAN(a) || !ISNAN(b))) {                         \
        /* nonzero (or infinite) by zero: infinite */                          \
        x = CS((T)INFINITY, c) * a;                                            \
        y = CS((T)INFINITY, c) * b;                                            \
      } else if ((ISINF(a) || ISINF(b)) && ISFIN(c) && ISFIN(d)) {             \
        /* infinite by finite: infinite */                                     \
        a = BOX(T, CS, a);                                                     \
        b = BOX(T, CS, b);                                                     \
        x = (T)INFINITY * (a * c + b * d);                                     \
        y = (T)INFINITY * (b * c - a * d);                                     \
      } else if (ISINF(logbw) && logbw > (T)0 && ISFIN(a) && ISFIN(b)) {       \
        /* finite by infinite: zero */                                         \
        c = BOX(T, CS, c);                                                     \
        d = BOX(T, CS, d);                                                     \
        x = (T)0 * (a * c + b * d);                                            \
        y = (T)0 * (b * c - a * d);                                            \
      }                                                                        \
    }                                                                          \
    RETURN_XY(T, x, y);                                                        \
  }

MUL(__mulsc3, float, copysignf)
MUL(__muldc3, double, copysign)
MUL(__mulxc3, long double, copysignl)
DIV(__divsc3, float, copysignf, fabsf, fmaxf, logbf, scalbnf)
DIV(__divdc3, double, copysign, fabs, fmax, logb, scalbn)
DIV(__divxc3, long double, copysignl, fabsl, fmaxl, logbl, scalbnl)
