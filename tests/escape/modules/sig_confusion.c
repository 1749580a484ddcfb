/* sig_confusion.c: indirect calls whose pointer type disagrees with the
 * callee (version 1 review finding: a callee taking more arguments than
 * its caller passes read, and through writes to its incoming argument
 * slots wrote, the caller's native frames, up to the runtime's entry frame
 * and return addresses). Version 2 passes no argument on the native stack
 * (pass/StackArgs.cpp): the extra arguments come from a region buffer
 * whose address is the last register argument, so a confused callee reads
 * registers and region memory only.
 *   k = 0: a 10-argument callee through a 0-argument pointer; returns 1 if
 *          any of arguments 6-10 is an address outside the region (a host
 *          stack or code address would be a leak), else 0;
 *   k = 1: the same callee writes t into every argument slot it has and
 *          through arguments 7-10 as pointers;
 *   k = 2: a 0-argument callee through a 10-argument pointer (harmless);
 *   k = 3: long double and __int128 arguments confused the same way. */
#include "common.h"
PING

static u64 region_lo(void) { return (u64)(uintptr_t)&region_lo & ~0xffffffffULL; }

static int outside(u64 v) {
  u64 lo = region_lo();
  return v > 0x10000 && (v < lo || v >= lo + (1ULL << 32));
}

__attribute__((noinline)) static long ten(long a, long b, long c, long d,
                                          long e, long f, long g, long h,
                                          long i, long j) {
  volatile long *slots[4] = {&g, &h, &i, &j};
  /* a..e are the caller's registers (attack's own t among them); f..j
   * are what the SysV convention would put on the native stack. */
  long leak = outside(f) | outside(g) | outside(h) | outside(i) | outside(j);
  if (a == 1) { /* write mode: the slots and through them as pointers */
    for (int s = 0; s < 4; s++) {
      *slots[s] = b;
      *(volatile long *)(uintptr_t)*slots[s] = 0x4141414141414141;
    }
    *(volatile long *)(uintptr_t)g = 0x4242;
    *(volatile long *)(uintptr_t)j = 0x4343;
  }
  return leak;
}

__attribute__((noinline)) static long zero(void) { return 7; }

/* x and z are memory class (the region buffer); y travels in registers
 * (the caller's, attack's own t among them), so only x and z count. */
__attribute__((noinline)) static long wide(long double x, __int128 y,
                                           long double z) {
  u64 bx[2] = {0, 0}, bz[2] = {0, 0};
  __builtin_memcpy(bx, &x, 10);
  __builtin_memcpy(bz, &z, 10);
  (void)y;
  return outside(bx[0]) | outside(bz[0]);
}

long (*volatile p_ten)(long, long, long, long, long, long, long, long, long,
                       long) = ten;
long (*volatile p_zero)(void) = zero;
long (*volatile p_wide)(long double, __int128, long double) = wide;

long attack(u64 t, long k) {
  switch (k) {
  case 0:
    return ((long (*)(void))p_ten)();
  case 1:
    return ((long (*)(long, long))p_ten)(1, (long)t);
  case 2:
    return ((long (*)(long, long, long, long, long, long, long, long, long,
                      long))p_zero)(1, 2, 3, 4, 5, 6, 7, (long)t, (long)t,
                                    (long)t) == 7
               ? 0
               : 1;
  default:
    return ((long (*)(long))p_wide)((long)t);
  }
}
