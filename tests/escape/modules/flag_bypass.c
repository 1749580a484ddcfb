/* flag_bypass.c: an attacker's project built with CC=sfi-cc and
 * CFLAGS="-Xclang -disable-llvm-passes": clang then runs no LLVM pass, so
 * the plugin never sees this file, and the hand-made marker note below (the
 * pass would refuse it) passes sfi-cc and the loader: a raw store to a host
 * address. sfi-cc must refuse the flag (CMakeLists.txt adds it). */
#include "common.h"
PING
struct note {
  unsigned namesz, descsz, type;
  char name[8];
  unsigned desc[4];
};
__attribute__((section(".note.sfi"), used, aligned(4)))
const struct note forged = {8, 16, 0x53464931u, "libsfi", {1, 1, 1, 1}};
long attack(u64 t, long v) {
  *(volatile long *)(uintptr_t)t = v;
  return 0;
}
