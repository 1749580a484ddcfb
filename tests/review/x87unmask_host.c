/* x87unmask_host.c: the host keeps the default x87 control word (all
 * exceptions masked) and runs x87flags.so's then_import(): the module
 * (x87-free) formats a signaling NaN through the system interface (IE set
 * in the FSW under a masked control word, so the plain thunk changes
 * nothing and the host-import thunk, seeing the host's control word, skips
 * its fnclex), then calls the granted host import host_ld, which enables
 * FE_INVALID for its own computation (feenableexcept) and does long double
 * arithmetic: the sandbox-made IE flag is now pending, SIGFPE in host code.
 * The same holds for an x87 module that sets IE itself (fld of an SNaN):
 * the host-import thunks clear the flags only when they reload the control
 * word. Run in a child; killed by SIGFPE is BAD.
 *   usage: x87unmask_host x87flags.so   exit 1 if the host died */
#define _GNU_SOURCE
#include <fenv.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sfi.h"

static int host_ld(void) {
  feenableexcept(FE_INVALID); /* the host's own choice, for its own code */
  volatile long double x = 3.0L;
  long double y = x * x + 1.0L;
  fedisableexcept(FE_INVALID);
  return (int)y;
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  fflush(stdout);
  pid_t p = fork();
  if (p == 0) {
    const sfi_import imps[] = {{"host_ld", ":i", (void *)host_ld},
                               {NULL, NULL, NULL}};
    sfi_module *m = sfi_module_load(argv[1], imps, NULL);
    sfi_instance *in = m ? sfi_instance_new(m, NULL) : NULL;
    if (!in) {
      printf("load: %s\n", sfi_errmsg());
      _exit(2);
    }
    sfi_val r;
    int rc = sfi_call(in, "then_import", ":i", NULL, &r);
    printf("  then_import: %d, host_ld gave %d\n", rc, r.i32);
    fflush(stdout);
    _exit(rc == SFI_OK && r.i32 == 10 ? 0 : 1);
  }
  int st;
  waitpid(p, &st, 0);
  if (WIFSIGNALED(st)) {
    printf("BAD: x87unmask: host killed by signal %d (%s) inside its own "
           "import\n", WTERMSIG(st), strsignal(WTERMSIG(st)));
    return 1;
  }
  printf("x87unmask: %s\n", WEXITSTATUS(st) ? "call failed" : "held");
  return WEXITSTATUS(st) ? 1 : 0;
}
