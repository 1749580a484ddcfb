/* realpath.c: __sfi_sys_realpath: the canonical guest path of a file that
 * exists beneath a grant. The kernel resolves it (symlinks followed only
 * inside the grant); the host path it reaches is mapped back to the
 * grant's guest path, so no host path is revealed. Writes at most cap
 * bytes (NUL included) to out; returns the length or a negative errno. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sys.h"

static int fd_path(int fd, char *buf, size_t cap) {
  char proc[64];
  snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(proc, buf, cap - 1);
  if (n < 0)
    return -errno;
  if ((size_t)n >= cap - 1)
    return -ENAMETOOLONG;
  buf[n] = 0;
  return 0;
}

int sfi__sys_realpath(uint64_t path, uint64_t out, uint64_t cap) {
  sfi_instance *in = sfi_current();
  char rest[PATH_MAX], host[PATH_MAX], top[PATH_MAX], res[PATH_MAX];
  int dirfd, rc;
  if ((rc = sfi__sys_path(in, path, &dirfd, rest)))
    return rc;
  const char *guest = NULL;
  for (int i = 0; i < in->ngrants; i++)
    if (in->grants[i].dirfd == dirfd)
      guest = in->grants[i].guest;
  if (!guest)
    return -EACCES;
  int fd = sfi__sys_open_beneath(dirfd, rest, O_PATH, 0);
  if (fd < 0)
    return fd;
  rc = fd_path(fd, host, sizeof host);
  close(fd);
  if (rc || (rc = fd_path(dirfd, top, sizeof top)))
    return rc;
  size_t t = strlen(top);
  if (strcmp(top, "/") == 0)
    t = 0;
  if (strncmp(host, top, t) != 0 || (host[t] != '/' && host[t] != 0))
    return -EACCES; /* moved out from under the grant meanwhile */
  const char *tail = host + t; /* "" or "/..." */
  int n;
  if (strcmp(guest, "/") == 0)
    n = snprintf(res, sizeof res, "%s", *tail ? tail : "/");
  else
    n = snprintf(res, sizeof res, "%s%s", guest, tail);
  if (n < 0 || (size_t)n >= sizeof res)
    return -ENAMETOOLONG;
  if ((uint64_t)n + 1 > cap)
    return -ERANGE;
  if (sfi_copy_in(in, out, res, (size_t)n + 1) != SFI_OK)
    return -EFAULT;
  return n;
}
