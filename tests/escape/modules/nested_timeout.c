/* nested_timeout.c: instance A (no time limit) calls the host, which calls
 * an endless loop in instance C that has a time limit. The limit of C must
 * hold even though C is entered from inside another sandbox call, and A
 * must run on in its own region (%gs) when the host returns to it. */
#include "common.h"
PING
long spin(u64 unused, long k) {
  (void)unused;
  volatile long n = 0;
  for (;;)
    n += k;
}
/* After the host returns, %gs must be A's base again (C is the same module:
 * through C's base, the pointer would reach C's copy of `mine`, still 0).
 * The harness passes zero = 0: a variable offset makes the access use %gs. */
long attack(u64 zero, long k) {
  static volatile long mine;
  mine = 0x1234;
  long r = host_reenter((int)k);
  return *(volatile long *)((char *)&mine + zero) == 0x1234 ? r + 1000 : -1;
}
