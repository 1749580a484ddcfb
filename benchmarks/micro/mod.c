/* mod.c: the microbenchmarks' sandbox module (built with sfi-cc -shared):
 * an empty export and one with three scalar arguments to time calls in,
 * and a loop calling an empty host import to time calls out. */
#include <sfi_export.h> /* only SFI_EXPORT functions are exported */

void host_empty(void); /* granted by the host (micro.c) */

SFI_EXPORT void empty(void) {}

/* A few scalar arguments, for the typical call in. */
SFI_EXPORT int add3(int a, long b, double c) { return a + (int)b + (int)c; }

SFI_EXPORT long call_out(long n) {
  for (long i = 0; i < n; i++)
    host_empty();
  return n;
}

/* Work in the instance so an idle instance has touched its heap once. */
#include <stdlib.h>
SFI_EXPORT long touch_heap(long n) {
  char *p = malloc((size_t)n);
  if (!p)
    return -1;
  for (long i = 0; i < n; i += 4096)
    p[i] = 1;
  free(p);
  return 0;
}
