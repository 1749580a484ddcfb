/* ret_overwrite.c: a classic stack smash: a local buffer written far past
 * its end with a host code address. Return addresses live on the native
 * stack, out of reach; the buffer is on the shadow stack in the region. */
#include "common.h"
PING
__attribute__((noinline)) static long smash(u64 v, long n) {
  volatile u64 buf[2];
  for (long i = 0; i < n; i++)
    buf[i] = v;
  return (long)buf[0] == (long)v ? 7 : 0;
}
long attack(u64 v, long n) { return smash(v, n) + 1; }
