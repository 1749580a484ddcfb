/* ftruncate.c: __sfi_sys_ftruncate on a descriptor the sandbox opened
 * beneath a grant (the host's stdio is refused with -EPERM). */
#include <unistd.h>

#include "sys.h"

int sfi__sys_ftruncate(int fd, long len) {
  sfi_instance *in = sfi_current();
  int h = sfi__sys_changefd(in, fd);
  if (h < 0)
    return h;
  if (len < 0)
    return -EINVAL;
  return ftruncate(h, len) == 0 ? 0 : -errno;
}
