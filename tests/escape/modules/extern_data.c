/* extern_data.c: declares a system-interface function as a sized data
 * array. The pass treats an access at a constant in-bounds offset of a
 * global as "inside the image" and leaves it unmasked, but this global is
 * bound by the loader to a host thunk: the accesses would read and write
 * host memory near the runtime's thunk page. Must be refused (compile or
 * load) or stay in the region. */
#include "common.h"
PING
extern volatile unsigned char __sfi_sys_getrandom[1 << 28];
long where(void) { return (long)(uintptr_t)&__sfi_sys_getrandom[0]; }
__attribute__((optnone, noinline)) long peek(u64 unused, long k) {
  (void)unused;
  return k ? __sfi_sys_getrandom[4096] : __sfi_sys_getrandom[0];
}
#define C1(n) case n: __sfi_sys_getrandom[(n) * 4096UL] = 0x41; break;
#define C4(n) C1(4 * (n)) C1(4 * (n) + 1) C1(4 * (n) + 2) C1(4 * (n) + 3)
#define C16(n) C4(4 * (n)) C4(4 * (n) + 1) C4(4 * (n) + 2) C4(4 * (n) + 3)
#define C64(n) C16(4 * (n)) C16(4 * (n) + 1) C16(4 * (n) + 2) C16(4 * (n) + 3)
#define C256(n) C64(4 * (n)) C64(4 * (n) + 1) C64(4 * (n) + 2) C64(4 * (n) + 3)
/* Writes one byte at thunk + page * 4096, for page < 1024: constant offsets
 * only, so that every store is one the pass leaves unmasked. optnone keeps
 * the switch as it is: optimized, it becomes one store through a table of
 * addresses (R_X86_64_64 against the import, which the loader refuses). */
__attribute__((optnone, noinline)) long attack(u64 unused, long page) {
  (void)unused;
  switch (page) {
    C256(0) C256(1) C256(2) C256(3)
  default: return -1;
  }
  return 0;
}
