/* deep_recursion.c: unbounded recursion with native frames: the sandbox's
 * native stack has a guard and functions get stack probes, so it ends in
 * SFI_TRAP_STACK instead of running into host memory. */
#include "common.h"
PING
__attribute__((noinline)) static long rec(long n) {
  volatile char frame[200];
  frame[0] = (char)n;
  frame[199] = (char)n;
  return n ? rec(n - 1) + frame[0] + frame[199] : 0;
}
long attack(u64 unused, long n) {
  (void)unused;
  return rec(n);
}
