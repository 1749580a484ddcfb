/* mkdir.c: __sfi_sys_mkdir inside a granted directory. */
#include <sys/stat.h>
#include <unistd.h>

#include "sys.h"

int sfi__sys_mkdir(uint64_t path, int mode) {
  char leaf[PATH_MAX];
  int pfd, rc = sfi__sys_parent(sfi_current(), path, &pfd, leaf);
  if (rc)
    return rc;
  rc = mkdirat(pfd, leaf, (mode_t)mode & 0777) == 0 ? 0 : -errno;
  close(pfd);
  return rc;
}
