/* neg_offset.c: negative constant and variable offsets from pointers near
 * the region's start; a folded negative offset would step below the region
 * base (into the region below), so none may be folded. */
#include "common.h"
PING
long attack(u64 p, long k) {
  volatile char *c = (volatile char *)p;
  switch (k) {
  case 0: ((volatile long *)c)[-1] = 0x41; break;
  case 1: c[-4096] = 0x41; break;
  case 2: c[-(1L << 20)] = 0x41; break;
  case 3: c[-0x7ffff] = 0x41; break;
  case 4: c[-(1L << 31)] = 0x41; break;
  case 5: c[-(1L << 32)] = 0x41; break;
  default: c[-k] = 0x41; break; /* variable: the harness passes p - target */
  }
  return 0;
}
