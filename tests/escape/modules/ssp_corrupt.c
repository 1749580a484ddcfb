/* ssp_corrupt.c: overwrites the shadow-stack pointer (__sfi_ssp) and its
 * limit (__sfi_ssp_limit), both writable module globals, with host
 * addresses, then calls a function whose locals live in a shadow frame. The
 * frame is then "at" a host address, but every access to it is masked: the
 * writes must stay in the region. */
#include "common.h"
PING
extern void *__sfi_ssp, *__sfi_ssp_limit;
__attribute__((noinline)) static long use_frame(long v, long n) {
  volatile long a[64];
  for (long i = 0; i < n; i++)
    a[i & 63] = v;
  return a[n & 63];
}
long attack(u64 t, long k) {
  __sfi_ssp = (void *)(uintptr_t)t;
  if (k & 1)
    __sfi_ssp_limit = 0;
  return use_frame(0x4141414141414141, 64);
}
