/* pwrite.c: __sfi_sys_pwrite from a checked sandbox buffer. */
#include <poll.h>
#include <unistd.h>

#include "sys.h"

long sfi__sys_pwrite(int fd, uint64_t buf, uint64_t len, long off) {
  sfi_instance *in = sfi_current();
  void *p;
  int h = sfi__sys_iobuf(in, fd, buf, &len, SYS_IO_MAX, 0, &p);
  if (h < 0)
    return h;
  if (off < 0)
    return -EINVAL;
  sfi__sys_wait(h, POLLOUT, 1); /* ESPIPE at once on a pipe or socket */
  ssize_t r = pwrite(h, p, len, off);
  return r < 0 ? -errno : r;
}
