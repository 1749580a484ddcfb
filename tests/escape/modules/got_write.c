/* got_write.c: walks the module image writing every word back (downwards
 * from a data global into RELRO/GOT and code, upwards through data, bss and
 * heap): the GOT and code must be read-only, so the walk traps there instead
 * of changing where imports go. uses_import checks the GOT afterwards. */
#include "common.h"
PING
static volatile long data_anchor = 1;
long uses_import(long x) { return host_twice(x); }
long attack(u64 unused, long down) {
  (void)unused;
  volatile long *p = &data_anchor;
  for (;;) {
    *p = *p;
    p += down ? -1 : 1;
  }
}
