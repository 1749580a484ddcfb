/* rtentry.c: the runtime's private entry points into a module, built into
 * sfi_rtentry.o, which sfi-cc links into every module (programs and
 * libraries). The host's sfi_malloc/sfi_free and the flush at instance
 * free reach the module's allocator and stdio through these reserved
 * __sfi_rt_ names; the public exports (what sfi_lookup finds) are only the
 * author's (sfi-cc -fsfi-exports=marked hides the libc's), and sfi_lookup
 * refuses every __sfi_ name. They call malloc/free/fflush by name, so a
 * program's own malloc (which overrides the libc's at link time) is the
 * one used, as before. */
#include <stdio.h>
#include <stdlib.h>

#define RT __attribute__((visibility("default"), used))

RT void *__sfi_rt_malloc(size_t n) { return malloc(n); }
RT void __sfi_rt_free(void *p) { free(p); }
RT int __sfi_rt_fflush(FILE *f) { return fflush(f); }
