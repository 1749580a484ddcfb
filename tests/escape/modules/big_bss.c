/* big_bss.c: 128 MiB of bss, touched one byte per page. The memory limit
 * must bound everything an instance can make resident: under a 16 MiB limit
 * the instance must not even be created (its bss alone is larger), where
 * the limit used to bound only the heap. */
#include "common.h"
PING
static volatile char big[128 << 20];
long attack(u64 a, long b) {
  (void)a;
  (void)b;
  long n = 0;
  for (unsigned long i = 0; i < sizeof big; i += 4096, n++)
    big[i] = 1;
  return n;
}
