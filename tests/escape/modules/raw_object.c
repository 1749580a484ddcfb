/* raw_object.c: the "raw object" class (issue 13): ordinary C compiled by
 * plain clang without the pass, linked into a module with the crt and the
 * linker script the way an attacker controlling the build could, so that
 * it carries no marker problem the driver could see: every store is a
 * plain 64-bit access to wherever t points. The loader's binary verifier
 * must refuse it. */
#include "common.h"
PING
long attack(u64 t, long k) {
  *(volatile long *)(uintptr_t)t = k;
  return *(volatile long *)(uintptr_t)(t + 8);
}
