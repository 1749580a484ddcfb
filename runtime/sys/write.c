/* write.c: __sfi_sys_write from a checked sandbox buffer. A write to a pipe
 * or socket whose reader is gone fails with EPIPE for the sandbox; the
 * SIGPIPE it raises never reaches the host (sfi__host_write, host.c). */
#include <poll.h>

#include "sys.h"

long sfi__sys_write(int fd, uint64_t buf, uint64_t len) {
  sfi_instance *in = sfi_current();
  void *p;
  int h = sfi__sys_iobuf(in, fd, buf, &len, SYS_IO_MAX, 0, &p);
  if (h < 0)
    return h;
  sfi__sys_wait(h, POLLOUT, len == 0);
  return sfi__host_write(h, p, len);
}
