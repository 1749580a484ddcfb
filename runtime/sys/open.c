/* open.c: __sfi_sys_open beneath a granted directory. */
#include <fcntl.h>

#include "sys.h"

#define OPEN_FLAGS_OK                                                          \
  (O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_APPEND | O_NONBLOCK |            \
   O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY)

int sfi__sys_open(uint64_t path, int flags, int mode) {
  sfi_instance *in = sfi_current();
  char rest[PATH_MAX];
  int dirfd, rc;
  if (flags & ~OPEN_FLAGS_OK)
    return -EINVAL;
  if ((flags & O_ACCMODE) == O_ACCMODE)
    return -EINVAL;
  if ((rc = sfi__sys_path(in, path, &dirfd, rest)))
    return rc;
  /* Opened non-blocking so that a FIFO cannot hold the thread past its
   * time limit here; reads and writes wait with the limit in view. */
  int fd = sfi__sys_open_beneath(dirfd, rest, flags | O_NOCTTY | O_NONBLOCK,
                                 mode);
  if (fd < 0)
    return fd;
  if (!(flags & O_NONBLOCK))
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return sfi__sys_newfd(in, fd);
}
