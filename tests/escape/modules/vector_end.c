/* vector_end.c: 32-byte (AVX2) and 64-byte (AVX-512) vector stores and
 * loads, aligned and unaligned, at the region's last bytes and at folded
 * offsets; the widest access plus the largest fold must land in the guard.
 * Built with -mavx2 -mavx512f. */
#include "common.h"
PING
typedef char v32 __attribute__((vector_size(32), aligned(1)));
typedef char v64 __attribute__((vector_size(64), aligned(1)));
typedef char v256 __attribute__((vector_size(256), aligned(1)));
long attack(u64 p, long k) {
  volatile long off = k >> 8;
  char *q = (char *)p + off;
  v64 x = {1, 2, 3, 4, 5, 6, 7, 8};
  switch (k & 0xff) {
  case 0: *(volatile v32 *)q = (v32){1, 2, 3}; break;
  case 1: *(volatile v64 *)q = x; break;
  case 2: *(volatile v64 *)(q + 0x7ffc0) = x; break;
  case 3: { v64 y = *(volatile v64 *)q; return y[0]; }
  case 4: *(volatile v256 *)q = (v256){1}; break;
  case 5: { v256 y = *(volatile v256 *)(q + 0x7ff00); return y[3]; }
  default: *(volatile v32 *)(q + 0x7ffe0) = (v32){1}; break;
  }
  return 0;
}
