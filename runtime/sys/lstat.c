/* lstat.c: __sfi_sys_lstat: the status of the last component itself (a
 * symlink is not followed; zstd refuses to compress one). The name is
 * looked up in its parent, opened beneath the grant, with
 * AT_SYMLINK_NOFOLLOW: one component, never a path. A granted directory
 * itself and the devices every process has answer as stat. */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sys.h"

int sfi__sys_stat(uint64_t path, uint64_t st);

int sfi__sys_lstat(uint64_t path, uint64_t st) {
  sfi_instance *in = sfi_current();
  char leaf[PATH_MAX];
  int pfd, writable;
  void *p = sfi_ptr(in, st, sizeof(struct stat), 1);
  if (!p)
    return -EFAULT;
  if (sfi__sys_device(in, path, &writable))
    return sfi__sys_stat(path, st);
  /* a trailing slash makes lstat follow the link, as natively */
  char name[PATH_MAX];
  if (sfi_copy_string_out(in, name, sizeof name, path) == SFI_OK &&
      sfi__sys_names_dir(name))
    return sfi__sys_stat(path, st); /* "name/", "name/.": through links */
  int rc = sfi__sys_parent(in, path, &pfd, leaf);
  if (rc == -EACCES) /* the grant itself, or an escape stat refuses too */
    return sfi__sys_stat(path, st);
  if (rc)
    return rc;
  struct stat s;
  rc = fstatat(pfd, leaf, &s, AT_SYMLINK_NOFOLLOW) == 0 ? 0 : -errno;
  close(pfd);
  if (!rc)
    memcpy(p, &s, sizeof s);
  return rc;
}
