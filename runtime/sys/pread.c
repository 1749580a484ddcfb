/* pread.c: __sfi_sys_pread, straight into the checked sandbox buffer. */
#include <poll.h>
#include <unistd.h>

#include "sys.h"

long sfi__sys_pread(int fd, uint64_t buf, uint64_t len, long off) {
  sfi_instance *in = sfi_current();
  void *p;
  int h = sfi__sys_iobuf(in, fd, buf, &len, SYS_IO_MAX, 1, &p);
  if (h < 0)
    return h;
  if (off < 0)
    return -EINVAL;
  /* a pipe or socket: ESPIPE at once, as natively */
  if (len && lseek(h, 0, SEEK_CUR) >= 0)
    sfi__sys_wait(h, POLLIN);
  ssize_t r = pread(h, p, len, off);
  return r < 0 ? -errno : r;
}
