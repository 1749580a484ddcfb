/* rtname.c (review4): an ordinary library (sfi-cc -shared, marked exports):
 * sfi-cc links sfi_rtentry.o, whose __sfi_rt_malloc/free/fflush are
 * .dynsym exports reserved for the runtime. */
#include <sfi_export.h>
SFI_EXPORT int f(int x) { return x + 1; }
