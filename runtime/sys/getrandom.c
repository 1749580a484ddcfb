/* getrandom.c: __sfi_sys_getrandom into a checked buffer (host.c). */
#include "sys.h"

long sfi__sys_getrandom(uint64_t buf, uint64_t len) {
  if (len > SYS_IO_MAX)
    len = SYS_IO_MAX;
  char *p = sfi_ptr(sfi_current(), buf, len, 1);
  if (!p)
    return -EFAULT;
  return sfi__host_getrandom(p, len);
}
