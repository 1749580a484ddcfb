/* write.c: __sfi_sys_write from a checked sandbox buffer. */
#include <poll.h>
#include <unistd.h>

#include "sys.h"

long sfi__sys_write(int fd, uint64_t buf, uint64_t len) {
  sfi_instance *in = sfi_current();
  void *p;
  int h = sfi__sys_iobuf(in, fd, buf, &len, SYS_IO_MAX, 0, &p);
  if (h < 0)
    return h;
  sfi__sys_wait(h, POLLOUT);
  ssize_t r = write(h, p, len);
  return r < 0 ? -errno : r;
}
