/* rodata_write.c: writes to const globals and string literals (read-only
 * data pages), at constant and variable offsets: every write traps. */
#include "common.h"
PING
static const long ro[16] = {1, 2, 3, 4};
const char *lit(void) { return "read-only literal"; }
long attack(u64 unused, long k) {
  (void)unused;
  switch (k) {
  case 0: *(volatile long *)&ro[0] = 0x41; break;
  case 1: ((volatile long *)ro)[unused & 7] = 0x41; break;
  default: *(volatile char *)lit() = 'X'; break;
  }
  return ro[0];
}
