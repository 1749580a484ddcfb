/* open.c: __sfi_sys_open beneath a granted directory. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sys.h"

int sfi__sys_open(uint64_t path, int flags, int mode) {
  sfi_instance *in = sfi_current();
  char rest[PATH_MAX];
  int dirfd, rc;
  if ((flags = sfi__host_open_flags(flags)) < 0)
    return flags;
  /* The devices every process has (sfi__sys_device): opening the host's
   * gives the sandbox nothing of the host's. */
  int writable;
  const char *dev = sfi__sys_device(in, path, &writable);
  if (dev) {
    if ((flags & O_ACCMODE) != O_RDONLY && !writable)
      return -EACCES;
    if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
      return -EEXIST; /* as natively: it exists */
    /* never created, truncated or followed: only the device itself is
     * opened (review: on a host without device nodes, O_CREAT made a
     * regular /dev/null the sandbox could fill) */
    int fd = open(dev, (flags & ~(O_CREAT | O_EXCL | O_TRUNC)) | O_NOFOLLOW |
                           O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
      return errno == ELOOP || errno == ENXIO ? -ENOENT : -errno;
    struct stat st;
    if (fstat(fd, &st) != 0 || !sfi__sys_device_ok(dev, &st)) {
      close(fd);
      return -ENOENT;
    }
    return sfi__sys_newfd(in, fd);
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
