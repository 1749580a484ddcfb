/* ftruncate.c: __sfi_sys_ftruncate on a descriptor the sandbox opened
 * beneath a grant (the host's stdio is refused with -EPERM). */
#include <unistd.h>

#include "sys.h"

int sfi__sys_ftruncate(int fd, long len) {
  sfi_instance *in = sfi_current();
  if (sfi__sys_hostfd(in, fd) < 0)
    return -EBADF;
  int h = sfi__sys_ownedfd(in, fd);
  if (h < 0)
    return -EPERM;
  if (len < 0)
    return -EINVAL;
  return ftruncate(h, len) == 0 ? 0 : -errno;
}
