/* clock_gettime.c: __sfi_sys_clock_gettime for three clocks only (host.c). */
#include "sys.h"

int sfi__sys_clock_gettime(int clk, uint64_t ts) {
  return sfi__host_clock_gettime(clk, sfi_ptr(sfi_current(), ts, 16, 1));
}
