/* strtod.c: __sfi_sys_strtod/strtof/strtold on a copy of s[0..len) (at most
 * SYS_STRTOD_MAX bytes) in host memory, NUL-terminated (host.c). */
#include "sys.h"

#define STRTO(name, T, host)                                                   \
  T name(uint64_t s, uint64_t len, uint64_t end, uint64_t err) {               \
    sfi_instance *in = sfi_current();                                          \
    if (len > SYS_STRTOD_MAX)                                                  \
      len = SYS_STRTOD_MAX;                                                    \
    return host(sfi_ptr(in, s, len, 0), len, sfi_ptr(in, end, 8, 1),          \
                sfi_ptr(in, err, sizeof(int), 1));                             \
  }
STRTO(sfi__sys_strtod, double, sfi__host_strtod)
STRTO(sfi__sys_strtof, float, sfi__host_strtof)
STRTO(sfi__sys_strtold, long double, sfi__host_strtold)
