/* fsync.c: __sfi_sys_fsync (datasync != 0: fdatasync) on a sandbox fd. */
#include <unistd.h>

#include "sys.h"

int sfi__sys_fsync(int fd, int datasync) {
  int h = sfi__sys_hostfd(sfi_current(), fd);
  if (h < 0)
    return -EBADF;
  return (datasync ? fdatasync(h) : fsync(h)) == 0 ? 0 : -errno;
}
