/* heap_exhaustion.c: allocates until malloc fails under the instance's
 * memory limit, touching every page, plus allocation sizes that overflow:
 * malloc must return NULL (no crash, no heap outside the region). Returns
 * the MiB obtained, or a negative code for a wrong success. */
#include <stdlib.h>
#include <string.h>
#include "common.h"
PING
void *__sfi_sys_sbrk(long incr);
/* Results go through a volatile sink: LLVM deletes allocations whose result
 * is only compared with NULL, and folds the comparison to "succeeded". */
static void *volatile sink;
static int got(void *p) {
  sink = p;
  return sink != 0;
}
long attack(u64 unused, long chunk) {
  (void)unused;
  long mib = 0;
  for (;;) {
    char *p = malloc((size_t)chunk);
    if (!got(p))
      break;
    memset(p, 0x41, (size_t)chunk);
    sink = p;
    mib += chunk >> 20;
    if (mib > 1 << 14)
      return -1;
  }
  volatile size_t huge = (size_t)-1, half = (size_t)1 << 40;
  if (got(malloc(huge)) || got(malloc(huge - 4096)) ||
      got(calloc(half, half)) || got(realloc(NULL, huge)) ||
      got(malloc(half + 1)))
    return -2;
  if (__sfi_sys_sbrk(1L << 40) != (void *)-1 ||
      __sfi_sys_sbrk(-(1L << 40)) != (void *)-1 ||
      __sfi_sys_sbrk((long)(1ULL << 63)) != (void *)-1)
    return -3;
  return mib;
}
