/* switch_unreachable.c: a switch whose default is __builtin_unreachable().
 * The backend then emits its jump table without a bounds check: the index
 * reads a table entry anywhere (an unmasked load) and jumps to table + entry
 * (an unconfined indirect jump). The harness aims the index at a sandbox
 * heap word holding the offset of the store inside poke(), past its mask,
 * with a 64-bit address in the register: a write to a host canary. The pass
 * must keep jump tables bounded (trap on a bad index) or refuse this. */
#include "common.h"
PING
__attribute__((noinline)) long dispatch(unsigned long x, long v) {
  switch (x) {
  case 0: return v + 1;
  case 1: return v * 3;
  case 2: return v - 7;
  case 3: return v ^ 0x55;
  case 4: return v << 2;
  case 5: return v >> 1;
  case 6: return v * v;
  case 7: return v + 100;
  default: __builtin_unreachable();
  }
}
__attribute__((noinline)) void poke(u64 off, long v) {
  *(volatile long *)(uintptr_t)off = v;
}
long attack(u64 x, long v) { return dispatch(x, v); }
