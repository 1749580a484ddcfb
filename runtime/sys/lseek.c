/* lseek.c: __sfi_sys_lseek. */
#include <unistd.h>

#include "sys.h"

long sfi__sys_lseek(int fd, long off, int whence) {
  int h = sfi__sys_hostfd(sfi_current(), fd);
  if (h < 0)
    return -EBADF;
  return sfi__host_lseek(h, off, whence);
}
