/* getdents.c: __sfi_sys_getdents: getdents64 into a host buffer, then a
 * copy into the checked sandbox buffer. */
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sys.h"

#define DENTS_MAX (64u << 10)

long sfi__sys_getdents(int fd, uint64_t buf, uint64_t len) {
  sfi_instance *in = sfi_current();
  void *p;
  int h = sfi__sys_iobuf(in, fd, buf, &len, DENTS_MAX, 1, &p);
  if (h < 0)
    return h;
  char *tmp = malloc(len ? len : 1);
  if (!tmp)
    return -ENOMEM;
  long r = syscall(SYS_getdents64, h, tmp, len);
  if (r < 0)
    r = -errno;
  else
    memcpy(p, tmp, (size_t)r);
  free(tmp);
  return r;
}
