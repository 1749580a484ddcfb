/* fptr_padding.c: pointers into a jump-table entry's int3 padding and just
 * past the table's end; the mask aligns to entry starts and sends anything
 * outside the table to the trap entry. */
#include "common.h"
PING
__attribute__((noinline)) long victim(long x) { return x * 3 + 1; }
long attack(u64 unused, long k) {
  (void)unused;
  extern char __stop_sfi_jt[];
  u64 e = (u64)(uintptr_t)&victim;
  u64 t = k >= 1000 ? (u64)(uintptr_t)__stop_sfi_jt + (u64)(k - 1000) : e + (u64)k;
  long (*fp)(long) = (long (*)(long))(uintptr_t)t;
  return fp(5);
}
