/* utimens.c: __sfi_sys_utimens: set access and modification times of a
 * path beneath a grant (path != 0; flags may hold AT_SYMLINK_NOFOLLOW) or
 * of a descriptor the sandbox opened (path == 0). times: NULL (now) or two
 * {int64 sec, int64 nsec} with UTIME_NOW/UTIME_OMIT, as utimensat. */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sys.h"

static int do_utimens(const char *proc, void *arg) {
  return utimensat(AT_FDCWD, proc, arg, 0) == 0 ? 0 : -errno;
}

int sfi__sys_utimens(int fd, uint64_t path, uint64_t times, int flags) {
  sfi_instance *in = sfi_current();
  struct timespec ts[2], *tp = NULL;
  if (times) {
    const void *p = sfi_ptr(in, times, sizeof ts, 0);
    if (!p)
      return -EFAULT;
    memcpy(ts, p, sizeof ts);
    tp = ts;
  }
  if (flags & ~AT_SYMLINK_NOFOLLOW)
    return -EINVAL;
  if (path && (flags & AT_SYMLINK_NOFOLLOW)) {
    /* The parent beneath the grant, the last component never followed. */
    char leaf[PATH_MAX];
    int pfd, rc = sfi__sys_parent(in, path, &pfd, leaf);
    if (rc)
      return rc;
    rc = utimensat(pfd, leaf, tp, AT_SYMLINK_NOFOLLOW) == 0 ? 0 : -errno;
    close(pfd);
    return rc;
  }
  if (path)
    return sfi__sys_at_path(in, path, 0, do_utimens, tp);
  int h = sfi__sys_changefd(in, fd);
  if (h < 0)
    return h;
  return futimens(h, tp) == 0 ? 0 : -errno;
}
