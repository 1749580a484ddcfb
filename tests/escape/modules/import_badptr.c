/* import_badptr.c: hands the harness's imports host addresses, ranges that
 * run off the region or wrap, huge lengths, overlapping ranges and a string
 * that is not terminated before the end of mapped memory. The imports use
 * sfi_ptr/sfi_copy_string_out and must refuse (-1) without touching memory. */
#include "common.h"
PING
void *__sfi_sys_sbrk(long incr);
static char buf[256];
long attack(u64 t, long k) {
  u64 b = (u64)(uintptr_t)buf;
  switch (k) {
  case 0: return host_sum(t, 8);                       /* host address */
  case 1: return host_sum(b, 1L << 40);                /* huge length */
  case 2: return host_sum(b, -1);                      /* wraps */
  case 3: return host_sum((b | 0xffffffffULL) - 7, 16); /* off the end */
  case 4: return host_fill(t, 16, 0x41);               /* host address */
  case 5: return host_fill(b, 1L << 33, 0x41);         /* past the region */
  case 6: return host_copy(t, b, 16);                  /* dst on the host */
  case 7: return host_copy(b, t, 16);                  /* src on the host */
  case 8: return host_str(t);                          /* host string */
  case 9: {                                            /* unterminated */
    char *old = __sfi_sys_sbrk(4096);
    if (old == (char *)-1)
      return -2;
    char *end = (char *)(((u64)(uintptr_t)old + 4096 + 4095) & ~4095ULL);
    for (char *c = old; c < end; c++)
      *c = 'A';
    return host_str((u64)(uintptr_t)(end - 100));
  }
  case 10: {                                           /* overlapping copy */
    for (int i = 0; i < 64; i++)
      buf[i] = (char)i;
    if (host_copy(b + 1, b, 63) != 0)
      return -3;
    long s = 0;
    for (int i = 0; i < 64; i++)
      s = s * 31 + buf[i];
    return s;
  }
  case 11: return host_sum(b, 16);                     /* legitimate */
  default: return host_copy(b, b + 8, (long)(1ULL << 63)); /* negative */
  }
}
