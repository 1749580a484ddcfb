/* pipe.c: __sfi_sys_pipe: a host pipe whose two ends become sandbox
 * descriptors (owned, not beneath a grant). It names no file, so it gives
 * the sandbox no access it did not have: a channel to itself, as xz's
 * self-pipe for signals uses it. */
#include <fcntl.h>
#include <unistd.h>

#include "sys.h"

int sfi__sys_pipe(uint64_t out, int flags) {
  sfi_instance *in = sfi_current();
  int *fds = sfi_ptr(in, out, 2 * sizeof(int), 1);
  if (!fds)
    return -EFAULT;
  if (flags & ~(O_NONBLOCK | O_CLOEXEC))
    return -EINVAL;
  int h[2];
  if (pipe2(h, (flags & O_NONBLOCK) | O_CLOEXEC) != 0)
    return -errno;
  int a = sfi__sys_newfd(in, h[0]);
  if (a < 0) {
    close(h[1]);
    return a;
  }
  int b = sfi__sys_newfd(in, h[1]);
  if (b < 0) {
    /* the read end as installed (newfd may have moved it off 0-2) */
    close(in->fds[a].host);
    in->fds[a] = (struct sfi_fd){-1, 0, 0};
    return b;
  }
  fds[0] = a;
  fds[1] = b;
  return 0;
}
