/* chmod.c: __sfi_sys_chmod on a path beneath a grant (symlinks followed
 * only inside it). Permission bits only, as fchmod. */
#include <sys/stat.h>

#include "sys.h"

static int do_chmod(const char *proc, void *arg) {
  return chmod(proc, (mode_t)(*(int *)arg & 0777)) == 0 ? 0 : -errno;
}

int sfi__sys_chmod(uint64_t path, int mode) {
  return sfi__sys_at_path(sfi_current(), path, 0, do_chmod, &mode);
}
