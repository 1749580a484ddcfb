/* isatty.c: __sfi_sys_isatty: 1 or 0 (or -EBADF). */
#include <unistd.h>

#include "sys.h"

int sfi__sys_isatty(int fd) {
  int h = sfi__sys_hostfd(sfi_current(), fd);
  if (h < 0)
    return -EBADF;
  return isatty(h);
}
