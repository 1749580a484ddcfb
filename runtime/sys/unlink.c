/* unlink.c: __sfi_sys_unlink of a name inside a granted directory. */
#include <fcntl.h>
#include <unistd.h>

#include "sys.h"

int sfi__sys_unlink(uint64_t path) {
  char leaf[PATH_MAX];
  int pfd, rc = sfi__sys_parent(sfi_current(), path, &pfd, leaf);
  if (rc)
    return rc;
  rc = unlinkat(pfd, leaf, 0) == 0 ? 0 : -errno;
  close(pfd);
  return rc;
}
