/* fchmod.c: __sfi_sys_fchmod on a descriptor the sandbox opened beneath a
 * grant. Permission bits only: no setuid, setgid or sticky bit (as for
 * open's mode). */
#include <sys/stat.h>

#include "sys.h"

int sfi__sys_fchmod(int fd, int mode) {
  sfi_instance *in = sfi_current();
  if (sfi__sys_hostfd(in, fd) < 0)
    return -EBADF;
  int h = sfi__sys_ownedfd(in, fd);
  if (h < 0)
    return -EPERM;
  return fchmod(h, (mode_t)(mode & 0777)) == 0 ? 0 : -errno;
}
