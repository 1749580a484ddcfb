/* open.c: __sfi_sys_open beneath a granted directory. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include "sys.h"

/* The kernel's O_LARGEFILE (0100000). glibc defines O_LARGEFILE as 0 on
 * x86-64, musl (the sandbox's headers) as the kernel value, and musl's own
 * open() always adds it: it must be accepted. On x86-64 the kernel forces
 * it on every open, so it is dropped here, not passed on. */
#define SFI_O_LARGEFILE 0100000

#define OPEN_FLAGS_OK                                                          \
  (O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_APPEND | O_NONBLOCK |            \
   O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_SYNC | O_DSYNC |     \
   SFI_O_LARGEFILE)

int sfi__sys_open(uint64_t path, int flags, int mode) {
  sfi_instance *in = sfi_current();
  char rest[PATH_MAX];
  int dirfd, rc;
  if (flags & ~OPEN_FLAGS_OK)
    return -EINVAL;
  if ((flags & O_ACCMODE) == O_ACCMODE)
    return -EINVAL;
  flags &= ~SFI_O_LARGEFILE;
  /* The devices every process has (sfi__sys_device): opening the host's
   * gives the sandbox nothing of the host's. */
  int writable;
  const char *dev = sfi__sys_device(in, path, &writable);
  if (dev) {
    if ((flags & O_ACCMODE) != O_RDONLY && !writable)
      return -EACCES;
    int fd = open(dev, flags | O_NOCTTY | O_CLOEXEC);
    return fd < 0 ? -errno : sfi__sys_newfd(in, fd);
  }
  if ((rc = sfi__sys_path(in, path, &dirfd, rest)))
    return rc;
  /* Opened non-blocking so that a FIFO cannot hold the thread past its
   * time limit here; reads and writes wait with the limit in view. */
  int fd = sfi__sys_open_beneath(dirfd, rest, flags | O_NOCTTY | O_NONBLOCK | O_CLOEXEC,
                                 mode);
  if (fd < 0)
    return fd;
  if (!(flags & O_NONBLOCK))
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return sfi__sys_newfd_at(in, fd, 3, 1);
}
