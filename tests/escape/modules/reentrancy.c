/* reentrancy.c: the sandbox calls the host, which calls back into the same
 * sandbox, where the inner call traps. The trap must end only the inner
 * call; the host sees its code, and nothing outside the region changes. */
#include "common.h"
PING
long inner_trap(u64 t, long v) {
  *(volatile long *)(t | 0xffffffffULL) = v; /* straddles the region end */
  return 0;
}
long call_fp(u64 fp, long x) { return ((long (*)(long))(uintptr_t)fp)(x); }
long attack(u64 unused, long how) {
  (void)unused;
  return host_reenter((int)how) + 1000;
}
