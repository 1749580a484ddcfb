/* fileops.c: the POSIX file calls added for real projects (issue 14):
 * positioned I/O, sizes, syncing, modes, owners, times, realpath, fcntl
 * (with record locks), and select/ioctl/tcgetattr on sandbox descriptors.
 * Everything that touches a file goes through the system interface, whose
 * grant checks decide; see libc/README.md for the documented semantics. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "internal.h"

ssize_t pread(int fd, void *buf, size_t n, off_t off) {
  SYS(__sfi_sys_pread(fd, buf, n, off));
}
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off) {
  SYS(__sfi_sys_pwrite(fd, buf, n, off));
}
int ftruncate(int fd, off_t len) { SYS(__sfi_sys_ftruncate(fd, len)); }
int truncate(const char *path, off_t len) {
  int fd = open(path, O_WRONLY);
  if (fd < 0)
    return -1;
  int r = ftruncate(fd, len);
  int e = errno;
  close(fd);
  errno = e;
  return r;
}
int fsync(int fd) { SYS(__sfi_sys_fsync(fd, 0)); }
int fdatasync(int fd) { SYS(__sfi_sys_fsync(fd, 1)); }
void sync(void) {}
int fchmod(int fd, mode_t mode) { SYS(__sfi_sys_fchmod(fd, (int)mode)); }
int chmod(const char *path, mode_t mode) {
  SYS(__sfi_sys_chmod(path, (int)mode));
}
int fchmodat(int dirfd, const char *path, mode_t mode, int flags) {
  if (dirfd != AT_FDCWD && path[0] != '/') {
    errno = ENOTSUP; /* paths relative to a directory fd: not supported */
    return -1;
  }
  if (flags & AT_SYMLINK_NOFOLLOW) {
    errno = ENOTSUP; /* as Linux: symlinks have no mode */
    return -1;
  }
  return chmod(path, mode);
}

/* Owners: the sandbox user cannot give files away. A call that keeps the
 * owner and group (-1, or the current ones) succeeds after the same grant
 * checks as stat/fstat; any real change fails with EPERM. */
static int same_owner(const struct stat *st, uid_t u, gid_t g) {
  if ((u != (uid_t)-1 && u != st->st_uid) ||
      (g != (gid_t)-1 && g != st->st_gid)) {
    errno = EPERM;
    return -1;
  }
  return 0;
}
int fchown(int fd, uid_t u, gid_t g) {
  struct stat st;
  return fstat(fd, &st) < 0 ? -1 : same_owner(&st, u, g);
}
int chown(const char *path, uid_t u, gid_t g) {
  struct stat st;
  return stat(path, &st) < 0 ? -1 : same_owner(&st, u, g);
}
int lchown(const char *path, uid_t u, gid_t g) {
  struct stat st;
  return lstat(path, &st) < 0 ? -1 : same_owner(&st, u, g);
}
int fchownat(int dirfd, const char *path, uid_t u, gid_t g, int flags) {
  if (dirfd != AT_FDCWD && path[0] != '/') {
    errno = ENOTSUP;
    return -1;
  }
  (void)flags;
  return chown(path, u, g);
}

/* Times. */
int utimensat(int dirfd, const char *path, const struct timespec ts[2],
              int flags) {
  if (!path) { /* Linux: NULL path means dirfd itself */
    if (flags) {
      errno = EINVAL;
      return -1;
    }
    return futimens(dirfd, ts);
  }
  if (dirfd != AT_FDCWD && path[0] != '/') {
    errno = ENOTSUP;
    return -1;
  }
  SYS(__sfi_sys_utimens(-1, path, ts, flags));
}
int futimens(int fd, const struct timespec ts[2]) {
  SYS(__sfi_sys_utimens(fd, 0, ts, 0));
}
static int tv_to_ts(const struct timeval tv[2], struct timespec ts[2]) {
  for (int i = 0; i < 2; i++) {
    if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000) {
      errno = EINVAL;
      return -1;
    }
    ts[i].tv_sec = tv[i].tv_sec;
    ts[i].tv_nsec = tv[i].tv_usec * 1000;
  }
  return 0;
}
int utimes(const char *path, const struct timeval tv[2]) {
  struct timespec ts[2];
  if (tv && tv_to_ts(tv, ts) < 0)
    return -1;
  return utimensat(AT_FDCWD, path, tv ? ts : 0, 0);
}
int lutimes(const char *path, const struct timeval tv[2]) {
  struct timespec ts[2];
  if (tv && tv_to_ts(tv, ts) < 0)
    return -1;
  return utimensat(AT_FDCWD, path, tv ? ts : 0, AT_SYMLINK_NOFOLLOW);
}
int futimes(int fd, const struct timeval tv[2]) {
  struct timespec ts[2];
  if (tv && tv_to_ts(tv, ts) < 0)
    return -1;
  return futimens(fd, tv ? ts : 0);
}
int utime(const char *path, const struct utimbuf *t) {
  struct timespec ts[2];
  if (t) {
    ts[0] = (struct timespec){t->actime, 0};
    ts[1] = (struct timespec){t->modtime, 0};
  }
  return utimensat(AT_FDCWD, path, t ? ts : 0, 0);
}

/* realpath: the runtime resolves the path beneath its grant and answers
 * with the guest path (the file must exist, as POSIX requires). */
char *realpath(const char *restrict path, char *restrict resolved) {
  char buf[PATH_MAX];
  if (!path) {
    errno = EINVAL;
    return 0;
  }
  long r = __sfi_sys_realpath(path, buf, sizeof buf);
  if (r < 0) {
    __sfi_fail(r == -ERANGE ? -ENAMETOOLONG : r);
    return 0;
  }
  if (resolved)
    return memcpy(resolved, buf, (size_t)r + 1);
  char *p = malloc((size_t)r + 1);
  return p ? memcpy(p, buf, (size_t)r + 1) : 0;
}

/* fcntl. One process per sandbox and no fd sharing with other processes
 * the sandbox could know of: record locks (F_SETLK, F_SETLKW, F_GETLK and
 * the OFD forms) are checked and always granted, F_GETLK reports F_UNLCK,
 * as a single process sees its own POSIX locks. Locks are not taken on the
 * host file. */
static int check_fd(int fd) {
  struct stat st;
  return fstat(fd, &st);
}
static int check_lock(struct flock *l) {
  if (!l || (l->l_type != F_RDLCK && l->l_type != F_WRLCK &&
             l->l_type != F_UNLCK) ||
      (l->l_whence != SEEK_SET && l->l_whence != SEEK_CUR &&
       l->l_whence != SEEK_END)) {
    errno = EINVAL;
    return -1;
  }
  return 0;
}
int fcntl(int fd, int cmd, ...) {
  va_list ap;
  va_start(ap, cmd);
  void *arg = 0;
  if (cmd == F_SETLK || cmd == F_SETLKW || cmd == F_GETLK ||
      cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW || cmd == F_OFD_GETLK)
    arg = va_arg(ap, void *);
  va_end(ap);
  if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) {
    va_start(ap, cmd);
    int min = va_arg(ap, int);
    va_end(ap);
    if (min < 0) {
      errno = EINVAL;
      return -1;
    }
    SYS(__sfi_sys_dup(fd, -1, min));
  }
  if (check_fd(fd) < 0)
    return -1; /* EBADF */
  switch (cmd) {
  case F_GETFD:
  case F_SETFD:
  case F_SETFL:
    return 0;
  case F_GETFL:
    return O_RDWR;
  case F_SETLK:
  case F_SETLKW:
  case F_OFD_SETLK:
  case F_OFD_SETLKW:
    return check_lock(arg);
  case F_GETLK:
  case F_OFD_GETLK:
    if (check_lock(arg) < 0)
      return -1;
    ((struct flock *)arg)->l_type = F_UNLCK;
    return 0;
  default:
    errno = EINVAL;
    return -1;
  }
}
int lockf(int fd, int op, off_t len) {
  (void)len;
  if (check_fd(fd) < 0)
    return -1;
  if (op != F_LOCK && op != F_TLOCK && op != F_ULOCK && op != F_TEST) {
    errno = EINVAL;
    return -1;
  }
  return 0;
}
int flock(int fd, int op) {
  if (check_fd(fd) < 0)
    return -1;
  (void)op;
  return 0;
}

/* No terminals or device controls in a sandbox. */
int ioctl(int fd, int req, ...) {
  (void)req;
  if (check_fd(fd) < 0)
    return -1;
  errno = ENOTTY;
  return -1;
}
int tcgetattr(int fd, struct termios *t) {
  (void)t;
  if (check_fd(fd) < 0)
    return -1;
  errno = ENOTTY;
  return -1;
}
int tcsetattr(int fd, int act, const struct termios *t) {
  (void)act;
  (void)t;
  if (check_fd(fd) < 0)
    return -1;
  errno = ENOTTY;
  return -1;
}
