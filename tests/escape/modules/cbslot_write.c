/* cbslot_write.c: overwrites the callback slots (__sfi_cb_slots, in RELRO)
 * with a host address, then calls the callback; the slots are read-only, so
 * the write traps and the callback still reaches only the host's function. */
#include "common.h"
PING
extern volatile u64 __sfi_cb_slots[64];
long call_fp(u64 fp, long x) { return ((long (*)(long))(uintptr_t)fp)(x); }
long attack(u64 v, long i) {
  __sfi_cb_slots[i & 63] = v;
  return 0;
}
long attack_all(u64 v, long unused) {
  (void)unused;
  for (int i = 0; i < 64; i++)
    __sfi_cb_slots[i] = v;
  return 0;
}
