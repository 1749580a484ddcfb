/* fptr_midfunc.c: calls into the middle of a function (the real body, whose
 * address the harness looks up, plus k) and into the middle of its jump-table
 * entry; only whole entries may ever be reached. */
#include "common.h"
PING
__attribute__((noinline)) long victim(long x) { return x * 3 + 1; }
long victim_ptr(void) { return (long)(uintptr_t)&victim; }
long attack(u64 t, long k) {
  long (*fp)(long) = (long (*)(long))(uintptr_t)(t + (u64)k);
  return fp(5);
}
