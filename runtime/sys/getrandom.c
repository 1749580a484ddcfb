/* getrandom.c: __sfi_sys_getrandom into a checked buffer. */
#include <sys/random.h>

#include "sys.h"

long sfi__sys_getrandom(uint64_t buf, uint64_t len) {
  if (len > SYS_IO_MAX)
    len = SYS_IO_MAX;
  char *p = sfi_ptr(sfi_current(), buf, len, 1);
  if (!p)
    return -EFAULT;
  uint64_t done = 0;
  while (done < len) {
    ssize_t r = getrandom(p + done, len - done, 0);
    if (r < 0) {
      if (errno == EINTR)
        continue;
      return done ? (long)done : -errno;
    }
    done += (uint64_t)r;
  }
  return (long)done;
}
