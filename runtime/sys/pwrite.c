/* pwrite.c: __sfi_sys_pwrite from a checked sandbox buffer. */
#include <poll.h>
#include <unistd.h>

#include "sys.h"

long sfi__sys_pwrite(int fd, uint64_t buf, uint64_t len, long off) {
  sfi_instance *in = sfi_current();
  if (len > SYS_IO_MAX)
    len = SYS_IO_MAX;
  const void *p = sfi_ptr(in, buf, len, 0);
  if (!p)
    return -EFAULT;
  int h = sfi__sys_hostfd(in, fd);
  if (h < 0)
    return -EBADF;
  if (off < 0)
    return -EINVAL;
  sfi__sys_wait(h, POLLOUT);
  ssize_t r = pwrite(h, p, len, off);
  return r < 0 ? -errno : r;
}
