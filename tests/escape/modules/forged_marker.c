/* forged_marker.c: defines a global named __sfi_note holding a valid libsfi
 * marker note. The pass skips modules that already have __sfi_note (to
 * avoid running twice), so this file would be compiled unsandboxed yet carry
 * the marker sfi-cc and the loader trust: a raw store to a host address.
 * Must be refused, or the store must stay in the region. */
#include "common.h"
PING
struct note {
  unsigned namesz, descsz, type;
  char name[8];
  unsigned desc[4];
};
__attribute__((section(".note.sfi"), used, aligned(4)))
const struct note __sfi_note = {8, 16, 0x53464931u, "libsfi", {1, 1, 1, 1}};
long attack(u64 t, long v) {
  *(volatile long *)(uintptr_t)t = v;
  return 0;
}
