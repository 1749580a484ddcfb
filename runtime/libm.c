/* libm.c: __sfi_libm_<name> imports bound to the host libm, for an
 * allowlist of functions whose arguments and results are all scalars (no
 * pointers), in float, double and long double: include/sfi_libm.h, the
 * list the sandbox libc imports from. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sfi_libm.h"

/* Each listed name in its three widths; fabs and copysign too (the libc
 * computes them itself, but they are as harmless to grant). */
#define SFI_BIND3(n) {#n, (void *)n}, {#n "f", (void *)n##f}, {#n "l", (void *)n##l},
static const struct sfi_bind libm[] = {
    SFI_LIBM_F1(SFI_BIND3) SFI_LIBM_F1_EXTRA(SFI_BIND3)
    SFI_LIBM_F1_SIGNGAM(SFI_BIND3) SFI_LIBM_F2(SFI_BIND3)
    SFI_LIBM_F3(SFI_BIND3) SFI_LIBM_FI(SFI_BIND3) SFI_LIBM_FL(SFI_BIND3)
    SFI_LIBM_IF_EXTRA(SFI_BIND3) SFI_LIBM_RI(SFI_BIND3)
    SFI_LIBM_RL(SFI_BIND3) SFI_LIBM_RLL(SFI_BIND3) SFI_LIBM_FLD(SFI_BIND3)
    SFI_BIND3(fabs) SFI_BIND3(copysign)
};

/* Linear: imports are bound once per module load. */
void *sfi__libm_lookup(const char *name) {
  for (size_t i = 0; i < sizeof libm / sizeof libm[0]; i++)
    if (!strcmp(libm[i].name, name))
      return libm[i].fn;
  return NULL;
}
