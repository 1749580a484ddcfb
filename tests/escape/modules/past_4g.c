/* past_4g.c: offsets just past 4 GiB from the region start, accesses that
 * straddle the region end, and the largest constant the pass folds after a
 * mask (SFI_FOLD_MAX - 8) on a base at the very top of the region: all must
 * stay in the region or hit the unmapped guard above it. */
#include "common.h"
PING
long attack(u64 p, long k) {
  volatile char *c = (volatile char *)p;
  volatile long off = k >> 8;
  switch (k & 0xff) {
  case 0: *(volatile long *)(c + 0x100000000UL) = 0x41; break;
  case 1: *(volatile long *)(c + 0x100000008UL) = 0x41; break;
  case 2: *(volatile long *)(c + 0xfffffffcUL) = 0x41; break;
  case 3: *(volatile long *)(c + 0x1fffffff8UL) = 0x41; break;
  case 4: { volatile char *q = c + off; *(volatile long *)(q + 0x7fff0) = 0x41; break; }
  case 5: { volatile char *q = c + off; return *(volatile long *)(q + 0x7fff0); }
  default: *(volatile long *)(c + 0x100000000UL * (unsigned long)k) = 0x41; break;
  }
  return 0;
}
