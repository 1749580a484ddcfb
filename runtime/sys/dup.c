/* dup.c: __sfi_sys_dup: dup (to == -1: the lowest free fd >= min) and dup2
 * (to >= 0: exactly that fd, closing what it held if the sandbox owned
 * it). The copy is a new host descriptor, owned by the sandbox; it may
 * change a file's size, mode or times only if the original could (a dup of
 * the host's stdout is still the host's stdout). */
#include <fcntl.h>
#include <unistd.h>

#include "sys.h"

int sfi__sys_dup(int fd, int to, int min) {
  sfi_instance *in = sfi_current();
  int h = sfi__sys_hostfd(in, fd);
  if (h < 0)
    return -EBADF;
  if (to >= SFI_FD_MAX || min < 0)
    return -EBADF;
  if (min >= SFI_FD_MAX)
    return -EINVAL;
  if (to == fd)
    return to;
  int beneath = in->fds[fd].beneath;
  int nh = fcntl(h, F_DUPFD_CLOEXEC, 3);
  if (nh < 0)
    return -errno;
  if (to < 0)
    return sfi__sys_newfd_at(in, nh, min, beneath);
  /* dup2 onto 0..2 too: a program redirecting its own stdout. */
  if (in->fds[to].host >= 0 && in->fds[to].owned)
    close(in->fds[to].host);
  in->fds[to] = (struct sfi_fd){nh, 1, beneath};
  return to;
}
