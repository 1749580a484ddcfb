/* open.c: __sfi_sys_open beneath a granted directory. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sys.h"

/* A device every process has: first looked at without opening it (O_PATH,
 * no symlink followed) and required to be that device, then reopened
 * through /proc/self/fd with the sandbox's flags, never O_CREAT, O_EXCL or
 * O_TRUNC. Anything else at the name does not exist for the sandbox
 * (reviews: on a host without device nodes O_CREAT made a regular
 * /dev/null the sandbox could fill; a FIFO there blocked the host thread
 * in open). */
static int open_device(sfi_instance *in, const char *dev, int writable,
                       int flags) {
  int pfd = open(dev, O_PATH | O_NOFOLLOW | O_CLOEXEC);
  struct stat st;
  int ok = pfd >= 0 && fstat(pfd, &st) == 0 && sfi__sys_device_ok(dev, &st);
  if (!ok) {
    if (pfd >= 0)
      close(pfd);
    return -ENOENT;
  }
  int rc = 0;
  if ((flags & O_ACCMODE) != O_RDONLY && !writable)
    rc = -EACCES;
  else if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
    rc = -EEXIST; /* as natively: it exists */
  /* the sandbox's own O_NOFOLLOW would refuse the /proc link (review) */
  int of = (flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_NOFOLLOW)) | O_NOCTTY |
           O_CLOEXEC;
  char proc[64];
  snprintf(proc, sizeof proc, "/proc/self/fd/%d", pfd);
  /* never blocking in open (review: a FIFO where /proc should be) */
  int fd = rc ? -1 : open(proc, of | O_NONBLOCK);
  if (!rc && fd < 0 && errno == ENOENT) {
    /* no /proc: by name again, never following or blocking, and then
     * required to be the very file checked above; a failure here means
     * the name changed under us: no device (review) */
    fd = open(dev, of | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
      errno = ENOENT;
  }
  if (fd >= 0 && !(flags & O_NONBLOCK))
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  if (!rc && fd < 0)
    rc = -errno;
  struct stat st2;
  if (!rc && (fstat(fd, &st2) != 0 || st2.st_dev != st.st_dev ||
              st2.st_ino != st.st_ino || st2.st_rdev != st.st_rdev)) {
    close(fd); /* what was opened is not what was checked (review) */
    rc = -ENOENT;
  }
  close(pfd);
  return rc ? rc : sfi__sys_newfd(in, fd);
}

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
  if (dev)
    return open_device(in, dev, writable, flags);
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
