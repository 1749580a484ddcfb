/* rename.c: __sfi_sys_rename; both names beneath granted directories. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "sys.h"

int sfi__sys_rename(uint64_t from, uint64_t to) {
  sfi_instance *in = sfi_current();
  char lf[PATH_MAX], lt[PATH_MAX];
  int pf, pt, rc = sfi__sys_parent(in, from, &pf, lf);
  if (rc)
    return rc;
  if ((rc = sfi__sys_parent(in, to, &pt, lt))) {
    close(pf);
    return rc;
  }
  rc = renameat(pf, lf, pt, lt) == 0 ? 0 : -errno;
  close(pf);
  close(pt);
  return rc;
}
