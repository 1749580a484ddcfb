/* weak_undef.c: a hidden weak data symbol that nothing defines. The linker
 * resolves it to absolute address 0 (a GOT slot with no relocation), but the
 * pass sees a sized global and leaves constant-offset accesses unmasked, so
 * w[0x10000000] is host address 0x10000000. Must be refused (compile or
 * load) or stay in the region. */
#include "common.h"
PING
extern volatile unsigned char w[1 << 29]
    __attribute__((weak, visibility("hidden")));
long where(void) { return (long)(uintptr_t)&w[0]; }
long attack(u64 unused, long k) {
  (void)unused;
  if (k)
    return w[0x10000000];
  w[0x10000000] = 0x41;
  return 0;
}
