/* read.c: __sfi_sys_read, straight into the checked sandbox buffer. */
#include <poll.h>
#include <unistd.h>

#include "sys.h"

long sfi__sys_read(int fd, uint64_t buf, uint64_t len) {
  sfi_instance *in = sfi_current();
  void *p;
  int h = sfi__sys_iobuf(in, fd, buf, &len, SYS_IO_MAX, 1, &p);
  if (h < 0)
    return h;
  sfi__sys_wait(h, POLLIN, len == 0);
  ssize_t r = read(h, p, len);
  return r < 0 ? -errno : r;
}
