/* jt_bounds_forge.c: defines its own __start_sfi_jt (a function in .text),
 * which the linker then uses instead of the table's real start: the table
 * "grows" over ordinary code, so indirect calls (here the one inside libc's
 * qsort, since this file may make none itself: the pass would declare its
 * own __start_sfi_jt) and sfi_call_addr accept addresses that are not
 * jump-table entries. Must be refused, or calls to non-entries must trap. */
#include <stdlib.h>
#include "common.h"
PING
__attribute__((aligned(16), used)) void __start_sfi_jt(void) {}
static volatile long hit;
__attribute__((noinline, aligned(16))) int body(const void *a, const void *b) {
  (void)a;
  (void)b;
  hit = 1;
  return 0;
}
long attack(u64 t, long x) {
  long arr[2] = {x, x + 1};
  hit = 0;
  qsort(arr, 2, sizeof arr[0], (int (*)(const void *, const void *))(uintptr_t)t);
  return hit;
}
