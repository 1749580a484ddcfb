/* wild_read.c: loads from absolute host addresses; in full mode they must
 * read the attacker's own region (or trap), never the host's bytes. */
#include "common.h"
PING
long attack(u64 t, long unused) {
  (void)unused;
  return *(volatile long *)t;
}
