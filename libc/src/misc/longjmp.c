/* longjmp, _longjmp and siglongjmp as functions, for code that takes their
 * address (libpng: png_set_longjmp_fn(png, longjmp, ...)). Direct calls
 * never reach these: the pass routes them to the runtime
 * (pass/ControlFlow.cpp, routeSetjmp), which checks the jmp_buf's handle
 * and that the frame it names is still live. The native build of the libc
 * leaves this file out (libc/CMakeLists.txt): there the host's own longjmp
 * serves. */
#include <setjmp.h>
#include <stdint.h>

#include "sfi_sys.h"

_Noreturn void longjmp(jmp_buf env, int val) {
  __sfi_sys_longjmp((uint64_t *)(void *)env, val);
}

_Noreturn void _longjmp(jmp_buf env, int val) {
  __sfi_sys_longjmp((uint64_t *)(void *)env, val);
}

_Noreturn void siglongjmp(sigjmp_buf env, int val) {
  __sfi_sys_longjmp((uint64_t *)(void *)env, val);
}
