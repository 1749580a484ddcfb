/* taint_misuse.c: compiled with -DCASE=n by ctest. CASE 0 must compile;
 * every other case is a misuse of a sandbox address that sfi_sptr turns
 * into a compile error (ctest expects those compiles to fail). */
#include <string.h>

#include "sfi.h"

int use(sfi_instance *in, sfi_sptr p, char *out) {
#if CASE == 0 /* the checked way */
  return sfi_fetch(in, p, out, 4);
#elif CASE == 1 /* dereference */
  return *(const int *)p;
#elif CASE == 2 /* hand it to host code as a pointer */
  memcpy(out, p, 4);
  return 0;
#elif CASE == 3 /* mistake it for a host address or length */
  uint64_t a = p;
  return (int)a;
#elif CASE == 4 /* check it with the untyped function */
  return sfi_ptr(in, p, 4, 0) != NULL;
#elif CASE == 5 /* index it */
  return p[0];
#endif
}
