/* sbrk.c: __sfi_sys_sbrk within the instance's memory limit. */
#include "sys.h"

uint64_t sfi__sys_sbrk(long incr) {
  sfi_instance *in = sfi_current();
  uint64_t old = in->brk, nb = old + (uint64_t)incr;
  if ((incr > 0 && nb < old) || (incr < 0 && nb > old))
    return ~0ULL;
  if (sfi__heap_resize(in, nb) != 0)
    return ~0ULL;
  return old;
}
