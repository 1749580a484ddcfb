/* errno.c: errno (one thread per instance) and the helper that turns a
 * negative system-interface result into errno and -1. */
#include <errno.h>

#include "internal.h"

static int errno_value;

int *__errno_location(void) { return &errno_value; }

HIDDEN long __sfi_fail(long neg_errno) {
  errno_value = (int)-neg_errno;
  return -1;
}
