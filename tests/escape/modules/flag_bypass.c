/* flag_bypass.c: an attacker's project built with CC=sfi-cc and
 * CFLAGS="-Xclang -disable-llvm-passes": clang then runs no LLVM pass, so
 * the plugin never sees this file, and the hand-made marker note below (the
 * pass would refuse it) passes sfi-cc and the loader: a raw store to a host
 * address. sfi-cc must refuse the flag (CMakeLists.txt adds it). */
#include "common.h"
PING
FORGED_MARKER(forged);
long attack(u64 t, long v) {
  *(volatile long *)(uintptr_t)t = v;
  return 0;
}
