/* rmdir.c: __sfi_sys_rmdir of a directory inside a granted directory. */
#include <fcntl.h>
#include <unistd.h>

#include "sys.h"

int sfi__sys_rmdir(uint64_t path) {
  char leaf[PATH_MAX];
  int pfd, rc = sfi__sys_parent(sfi_current(), path, &pfd, leaf);
  if (rc)
    return rc;
  rc = unlinkat(pfd, leaf, AT_REMOVEDIR) == 0 ? 0 : -errno;
  close(pfd);
  return rc;
}
