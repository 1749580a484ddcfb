/* lseek.c: __sfi_sys_lseek. */
#include <unistd.h>

#include "sys.h"

long sfi__sys_lseek(int fd, long off, int whence) {
  int h = sfi__sys_hostfd(sfi_current(), fd);
  if (h < 0)
    return -EBADF;
  if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END)
    return -EINVAL;
  off_t r = lseek(h, off, whence);
  return r < 0 ? -errno : r;
}
