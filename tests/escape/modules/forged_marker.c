/* forged_marker.c: defines a global named __sfi_note holding a valid libsfi
 * marker note. The pass skips modules that already have __sfi_note (to
 * avoid running twice), so this file would be compiled unsandboxed yet carry
 * the marker sfi-cc and the loader trust: a raw store to a host address.
 * Must be refused, or the store must stay in the region. */
#include "common.h"
PING
FORGED_MARKER(__sfi_note);
long attack(u64 t, long v) {
  *(volatile long *)(uintptr_t)t = v;
  return 0;
}
