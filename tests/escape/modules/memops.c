/* memops.c: memcpy/memset/memmove with huge lengths, lengths that make
 * offset + length wrap, and ranges that run off the region's end; the range
 * check must trap before a single byte is written outside the region. */
#include <string.h>
#include "common.h"
PING
static char src[64];
long attack(u64 t, long k) {
  volatile size_t n;
  char *d = (char *)t;
  switch (k) {
  case 0: memset(d, 0x41, 4096); break;
  case 1: n = (size_t)-1; memset(d, 0x41, n); break;
  case 2: n = (size_t)1 << 40; memcpy(d, src, n); break;
  case 3: n = (size_t)-1; memmove(d, d + 1, n); break;
  case 4: n = 0x100000000ULL - (t & 0xffffffffULL) + 8; memset(d, 0x41, n); break;
  case 5: n = (size_t)0 - (t & 0xffffffffULL); memset(d, 0x41, n); break;
  case 6: n = 64; memcpy((char *)(t | 0xffffffffULL) - 31, src, n); break;
  case 7: __builtin_memset(d, 0x41, 0x100000000ULL); break;
  case 8: n = 4096; memmove(d + 8, d, n); break;
  case 9: n = 1ULL << 33; memcpy(src, d, n); break;
  default: n = (size_t)k; memset(d, 0x41, n); break;
  }
  return 0;
}
