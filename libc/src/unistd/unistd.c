/* unistd.c: the POSIX file calls the system interface offers (read, write,
 * open, close, lseek, stat, mkdir, ...) and harmless answers for process
 * queries a sandbox has no real answer to. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

ssize_t read(int fd, void *buf, size_t n) { SYS(__sfi_sys_read(fd, buf, n)); }
ssize_t write(int fd, const void *buf, size_t n) {
  SYS(__sfi_sys_write(fd, buf, n));
}
int close(int fd) { SYS(__sfi_sys_close(fd)); }
off_t lseek(int fd, off_t off, int whence) {
  SYS(__sfi_sys_lseek(fd, off, whence));
}

int open(const char *path, int flags, ...) {
  int mode = 0;
  if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) {
    va_list ap;
    va_start(ap, flags);
    mode = va_arg(ap, int);
    va_end(ap);
  }
  SYS(__sfi_sys_open(path, flags, mode));
}
int creat(const char *path, mode_t mode) {
  return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int unlink(const char *path) { SYS(__sfi_sys_unlink(path)); }
int rmdir(const char *path) { SYS(__sfi_sys_rmdir(path)); }
int mkdir(const char *path, mode_t mode) {
  SYS(__sfi_sys_mkdir(path, (int)mode));
}
int stat(const char *restrict path, struct stat *restrict st) {
  SYS(__sfi_sys_stat(path, st));
}
int lstat(const char *restrict path, struct stat *restrict st) {
  SYS(__sfi_sys_lstat(path, st));
}
int fstat(int fd, struct stat *st) { SYS(__sfi_sys_fstat(fd, st)); }

int access(const char *path, int mode) {
  struct stat st;
  if (stat(path, &st) < 0)
    return -1;
  (void)mode; /* the grant decides; existence is what we can report */
  return 0;
}

int isatty(int fd) {
  long r = __sfi_sys_isatty(fd);
  if (r < 0) {
    __sfi_fail(r);
    return 0;
  }
  if (!r)
    errno = ENOTTY;
  return r > 0;
}


static int nosys(void) {
  errno = ENOSYS;
  return -1;
}
int dup(int fd) { SYS(__sfi_sys_dup(fd, -1, 0)); }
int dup2(int a, int b) {
  if (b < 0) {
    errno = EBADF;
    return -1;
  }
  SYS(__sfi_sys_dup(a, b, 0));
}
int dup3(int a, int b, int flags) {
  if (a == b || (flags & ~O_CLOEXEC)) {
    errno = EINVAL;
    return -1;
  }
  return dup2(a, b);
}
int pipe2(int fd[2], int flags) { SYS(__sfi_sys_pipe(fd, flags)); }
int pipe(int fd[2]) { return pipe2(fd, 0); }
int chdir(const char *p) {
  (void)p;
  return nosys();
}
int link(const char *a, const char *b) {
  (void)a;
  (void)b;
  return nosys();
}
int symlink(const char *a, const char *b) {
  (void)a;
  (void)b;
  return nosys();
}
ssize_t readlink(const char *restrict p, char *restrict b, size_t n) {
  (void)p;
  (void)b;
  (void)n;
  errno = EINVAL;
  return -1;
}


/* The working directory is the first granted directory (sfi-run --exe:
 * the one it ran in, under its own path); "/" when that has no name. */
char *getcwd(char *buf, size_t n) {
  char tmp[4096];
  if (!buf) {
    errno = EINVAL; /* no allocating form */
    return 0;
  }
  int r = __sfi_sys_realpath(".", tmp, sizeof tmp);
  if (r < 0 || tmp[0] != '/')
    tmp[0] = '/', tmp[1] = 0, r = 1;
  if ((size_t)r + 1 > n) {
    errno = ERANGE;
    return 0;
  }
  memcpy(buf, tmp, (size_t)r + 1);
  return buf;
}

/* One process per sandbox: fixed identities. */
pid_t getpid(void) { return 1; }
pid_t getppid(void) { return 0; }
uid_t getuid(void) { return 0; }
uid_t geteuid(void) { return 0; }
gid_t getgid(void) { return 0; }
gid_t getegid(void) { return 0; }

long sysconf(int name) {
  switch (name) {
  case _SC_PAGESIZE:
    return 4096;
  case _SC_CLK_TCK:
    return 100;
  case _SC_NPROCESSORS_CONF:
  case _SC_NPROCESSORS_ONLN:
    return 1;
  case _SC_OPEN_MAX:
    return 1024;
  case _SC_ARG_MAX:
    return 131072;
  case _SC_PHYS_PAGES:
  case _SC_AVPHYS_PAGES: {
    /* The instance's memory limit plays the machine's memory. */
    uint64_t m[2];
    if (__sfi_sys_meminfo(m) < 0)
      return 0;
    return (long)(m[name == _SC_AVPHYS_PAGES] / 4096);
  }
  default:
    errno = EINVAL;
    return -1;
  }
}
int getpagesize(void) { return 4096; }

int getentropy(void *buf, size_t n) {
  if (n > 256) {
    errno = EIO;
    return -1;
  }
  long r = __sfi_sys_getrandom(buf, n);
  return r < 0 ? (int)__sfi_fail(r) : 0;
}
ssize_t getrandom(void *buf, size_t n, unsigned flags) {
  (void)flags;
  SYS(__sfi_sys_getrandom(buf, n));
}
