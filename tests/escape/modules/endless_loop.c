/* endless_loop.c: a loop that never ends; the instance's time limit must
 * interrupt it with SFI_TRAP_TIMEOUT. */
#include "common.h"
PING
long attack(u64 unused, long k) {
  (void)unused;
  volatile long n = 0;
  for (;;)
    n += k;
}
