/* meminfo.c: __sfi_sys_meminfo: the heap the instance may have in all
 * (its memory limit, less the image and the shadow stack) and what is left
 * of it; sysconf(_SC_PHYS_PAGES / _SC_AVPHYS_PAGES) answers with these, so
 * programs that size buffers by "physical memory" size them by the limit. */
#include "sys.h"

int sfi__sys_meminfo(uint64_t out) {
  sfi_instance *in = sfi_current();
  uint64_t *o = sfi_ptr(in, out, 2 * sizeof(uint64_t), 1);
  if (!o)
    return -EFAULT;
  o[0] = in->heap_max - in->heap_start;
  o[1] = in->heap_max > in->brk ? in->heap_max - in->brk : 0;
  return 0;
}
