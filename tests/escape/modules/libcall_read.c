/* libcall_read.c: compares 8 bytes at an absolute host address with a
 * guess through memcmp. Code generation expands small memcmp/bcmp calls
 * whose result is used into plain loads after the pass has run; unless the
 * calls stay calls (into the sandbox libc, which masks), memcmp returns 0
 * exactly when the guess matches the host's bytes. */
#include <string.h>
#include "common.h"
PING
long attack(u64 t, long guess) {
  u64 g = (u64)guess;
  return memcmp((const void *)t, &g, sizeof g);
}
