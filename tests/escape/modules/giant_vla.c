/* giant_vla.c: VLAs and alloca() of sizes past the shadow stack, of sizes
 * that wrap the stack pointer around 0, huge static locals on the shadow
 * and on the native stack: the shadow
 * frame check must trap (SFI_TRAP_STACK); a modest one must work. */
#include <alloca.h>
#include "common.h"
PING
__attribute__((noinline)) static long vla(u64 n) {
  volatile char a[n];
  a[0] = 1;
  a[n - 1] = 2;
  return a[0] + a[n - 1];
}
__attribute__((noinline)) static long use_alloca(u64 n) {
  volatile char *a = alloca(n);
  a[0] = 1;
  a[n - 1] = 2;
  return a[0] + a[n - 1];
}
__attribute__((noinline)) static long big_static(long i) {
  volatile char a[64 << 20];
  a[i] = 1;
  return a[i];
}
/* A huge native frame (constant offsets keep it off the shadow stack): the
 * stack probes must touch the guard page before rsp jumps past it. optnone
 * keeps SROA from splitting the array into scalars. */
__attribute__((optnone, noinline)) static long big_native(long v) {
  volatile char a[1L << 30];
  a[0] = (char)v;
  a[(1L << 30) - 1] = (char)v;
  a[1L << 29] = (char)v;
  return a[0] + a[1L << 29];
}
long attack(u64 n, long k) {
  switch (k) {
  case 0: return vla(n);
  case 1: return use_alloca(n);
  case 2: return big_static((long)(n & 0xffff));
  default: return big_native((long)n);
  }
}
