/* fchmod.c: __sfi_sys_fchmod on a descriptor the sandbox opened beneath a
 * grant. Permission bits only: no setuid, setgid or sticky bit (as for
 * open's mode). */
#include <sys/stat.h>

#include "sys.h"

int sfi__sys_fchmod(int fd, int mode) {
  sfi_instance *in = sfi_current();
  int h = sfi__sys_changefd(in, fd);
  if (h < 0)
    return h;
  return fchmod(h, (mode_t)(mode & 0777)) == 0 ? 0 : -errno;
}
