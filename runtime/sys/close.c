/* close.c: __sfi_sys_close; host descriptors the sandbox did not open
 * (stdio) are only forgotten, never closed. */
#include <unistd.h>

#include "sys.h"

int sfi__sys_close(int fd) {
  sfi_instance *in = sfi_current();
  if (sfi__sys_hostfd(in, fd) < 0)
    return -EBADF;
  int rc = 0;
  if (in->fds[fd].owned && close(in->fds[fd].host) != 0 && errno != EINTR)
    rc = -errno;
  in->fds[fd] = (struct sfi_fd){-1, 0, 0};
  return rc;
}
