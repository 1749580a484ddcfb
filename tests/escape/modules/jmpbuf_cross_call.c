/* jmpbuf_cross_call.c: setjmp in an outer call, then the host calls back
 * into the sandbox and the inner call longjmps to the outer context, which
 * would unwind straight through the host's frames. The runtime ties a
 * context to its call: the inner longjmp must trap (SFI_TRAP_ABORT) and the
 * outer call carry on. */
#include <setjmp.h>
#include "common.h"
PING
static jmp_buf jb;
long inner_jump(u64 t, long v) {
  (void)t;
  longjmp(jb, (int)v);
}
long attack(u64 unused, long k) {
  (void)unused;
  if (setjmp(jb))
    return 7; /* reached only if the runtime honoured the cross-call jump */
  return host_reenter((int)k) + 1000;
}
