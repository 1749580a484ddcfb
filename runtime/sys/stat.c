/* stat.c: __sfi_sys_stat: open the path O_PATH beneath its grant (so a
 * symlink cannot lead out), then fstat it. */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sys.h"

int sfi__sys_stat(uint64_t path, uint64_t st) {
  sfi_instance *in = sfi_current();
  char rest[PATH_MAX];
  int dirfd, rc;
  void *p = sfi_ptr(in, st, sizeof(struct stat), 1);
  if (!p)
    return -EFAULT;
  struct stat s;
  int writable;
  const char *dev = sfi__sys_device(in, path, &writable);
  if (dev) { /* a device every process has: its status as natively */
    if (lstat(dev, &s) != 0)
      return -errno;
    if (!sfi__sys_device_ok(dev, &s))
      return -ENOENT;
    memcpy(p, &s, sizeof s);
    return 0;
  }
  if ((rc = sfi__sys_path(in, path, &dirfd, rest)))
    return rc;
  int fd = sfi__sys_open_beneath(dirfd, rest, O_PATH, 0);
  if (fd < 0)
    return fd;
  rc = fstat(fd, &s) == 0 ? 0 : -errno;
  close(fd);
  if (!rc)
    memcpy(p, &s, sizeof s);
  return rc;
}
