/* exit.c: __sfi_sys_exit ends the innermost call with SFI_ERR_EXIT and
 * records the status; __sfi_sys_abort traps with SFI_TRAP_ABORT. */
#include "sys.h"

_Noreturn void sfi__sys_exit(int status) {
  struct sfi_thread *t = sfi__thread();
  t->top->in->exit_status = status;
  sfi__recover(t->top, SFI_ERR_EXIT);
}

_Noreturn void sfi__sys_abort(void) {
  sfi__trap_now(SFI_TRAP_ABORT, "abort() called by the sandbox");
}
