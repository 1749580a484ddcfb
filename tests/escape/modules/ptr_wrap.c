/* ptr_wrap.c: pointers built by arithmetic that wraps around 2^64 or 2^32
 * so that the final address is a host address; masking happens on the
 * final pointer, so every variant stays in the region. */
#include "common.h"
PING
static long anchor[4];
long attack(u64 t, long k) {
  volatile char *p;
  switch (k) {
  case 0: p = (char *)(uintptr_t)~0ULL; p += t + 1; break;
  case 1: p = (char *)anchor; p += t - (u64)(uintptr_t)anchor; break;
  case 2: p = (char *)(uintptr_t)(t + (3ULL << 32)); p -= 3ULL << 32; break;
  default: p = (char *)anchor + (t - (u64)(uintptr_t)anchor) + (1ULL << 63) + (1ULL << 63); break;
  }
  *(volatile long *)p = 0x4141414141414141;
  return *(volatile long *)p;
}
