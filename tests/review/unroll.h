/* unroll.h: UNROLL512(X, base) expands to X(base) X(base + 1) ...
 * X(base + 511), each index a constant expression. The C attacks here need
 * hundreds of accesses at constant indices (so that their volatile arrays
 * stay in the native frame, see pass/ShadowStack.cpp isNativeSafeAlloca);
 * this writes them out once instead of line by line in each file. */
#ifndef REVIEW_UNROLL_H
#define REVIEW_UNROLL_H
#define UNROLL8(X, i)                                                          \
  X(i) X(i + 1) X(i + 2) X(i + 3) X(i + 4) X(i + 5) X(i + 6) X(i + 7)
#define UNROLL64(X, i)                                                         \
  UNROLL8(X, i) UNROLL8(X, i + 8) UNROLL8(X, i + 16) UNROLL8(X, i + 24)        \
  UNROLL8(X, i + 32) UNROLL8(X, i + 40) UNROLL8(X, i + 48) UNROLL8(X, i + 56)
#define UNROLL512(X, i)                                                        \
  UNROLL64(X, i) UNROLL64(X, i + 64) UNROLL64(X, i + 128)                      \
  UNROLL64(X, i + 192) UNROLL64(X, i + 256) UNROLL64(X, i + 320)               \
  UNROLL64(X, i + 384) UNROLL64(X, i + 448)
#endif
