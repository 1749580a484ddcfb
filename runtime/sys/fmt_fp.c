/* fmt_fp.c: __sfi_sys_fmt_fp: printf one floating-point value with the
 * host's printf (so output equals glibc's), on checked buffers (host.c). */
#include "sys.h"

int sfi__sys_fmt_fp(uint64_t buf, uint64_t cap, int spec, int width, int prec,
                    uint64_t valuep) {
  sfi_instance *in = sfi_current();
  /* By address: a long double argument would go on the native stack. */
  const void *vp = sfi_ptr(in, valuep, 10, 0);
  char *dst = cap ? sfi_ptr(in, buf, cap, 1) : NULL;
  return sfi__host_fmt_fp(dst, cap, spec, width, prec, vp);
}
