/* fstat.c: __sfi_sys_fstat into a checked 144-byte struct stat. */
#include <string.h>
#include <sys/stat.h>

#include "sys.h"

_Static_assert(sizeof(struct stat) == 144, "x86-64 struct stat layout");

int sfi__sys_fstat(int fd, uint64_t st) {
  sfi_instance *in = sfi_current();
  void *p = sfi_ptr(in, st, sizeof(struct stat), 1);
  if (!p)
    return -EFAULT;
  int h = sfi__sys_hostfd(in, fd);
  if (h < 0)
    return -EBADF;
  struct stat s;
  if (fstat(h, &s) != 0)
    return -errno;
  memcpy(p, &s, sizeof s);
  return 0;
}
