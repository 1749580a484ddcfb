/* nested_timeout.c: instance A (no time limit) calls the host, which calls
 * an endless loop in instance C that has a time limit. The limit of C must
 * hold even though C is entered from inside another sandbox call. */
#include "common.h"
PING
long spin(u64 unused, long k) {
  (void)unused;
  volatile long n = 0;
  for (;;)
    n += k;
}
long attack(u64 unused, long k) {
  (void)unused;
  return host_reenter((int)k) + 1000;
}
