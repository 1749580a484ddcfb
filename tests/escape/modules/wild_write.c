/* wild_write.c: stores to absolute host addresses handed in as integers; the
 * mask must fold every one of them into the attacker's own region. */
#include "common.h"
PING
long attack(u64 t, long v) {
  *(volatile long *)t = v;
  *(volatile char *)(t + 1) = (char)v;
  *(volatile int *)(t + 4092) = (int)v;
  return 0;
}
