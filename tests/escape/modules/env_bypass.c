/* env_bypass.c: the same attack as flag_bypass.c through the environment:
 * the makefile exports CCC_OVERRIDE_OPTIONS="+-Xclang +-disable-llvm-passes",
 * which clang reads as extra arguments: no LLVM pass runs, so
 * the plugin never sees this file, and the hand-made marker note below (the
 * pass would refuse it) passes sfi-cc and the loader: a raw store to a host
 * address. sfi-cc must drop the variable (CMakeLists.txt sets it). */
#include "common.h"
PING
FORGED_MARKER(forged);
long attack(u64 t, long v) {
  *(volatile long *)(uintptr_t)t = v;
  return 0;
}
