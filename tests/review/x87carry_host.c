/* x87carry_host.c: x87unmask's host_ld (enables FE_INVALID for its own
 * long double arithmetic), after another host import the sandbox called
 * with a signaling NaN left IE in the x87 status word.
 * 455f9fb: every host-import thunk clears x87 flags (fnclex when one is
 *   set): host_ld starts clean, returns 10.
 * 7d76e95: host_ld's thunk sees x87_dirty == 0 and skips the flag check:
 *   the IE flag host_widen left is pending once host_ld unmasks it,
 *   SIGFPE in host code, the host dies. The sandbox chose the operand and
 *   the order.
 *   usage: x87carry_host x87carry.so   exit 1 if the host died */
#define _GNU_SOURCE
#include <fenv.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sfi.h"

static double host_widen(double x) {
  volatile long double w = x; /* fldl: IE for an SNaN (masked) */
  return (double)(w * 2);
}

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
    const sfi_import imps[] = {{"host_widen", "d:d", (void *)host_widen},
                               {"host_ld", ":i", (void *)host_ld},
                               {NULL, NULL, NULL}};
    sfi_module *m = sfi_module_load(argv[1], imps, NULL);
    sfi_instance *in = m ? sfi_instance_new(m, NULL) : NULL;
    if (!in) {
      printf("load: %s\n", sfi_errmsg());
      _exit(2);
    }
    sfi_val r;
    int rc = sfi_call(in, "go", ":i", NULL, &r);
    printf("  go: %d, host_ld gave %d\n", rc, r.i32);
    fflush(stdout);
    _exit(rc == SFI_OK && r.i32 == 10 ? 0 : 1);
  }
  int st;
  waitpid(p, &st, 0);
  if (WIFSIGNALED(st)) {
    printf("BAD: x87carry: host killed by signal %d (%s) inside its own "
           "import\n", WTERMSIG(st), strsignal(WTERMSIG(st)));
    return 1;
  }
  printf("x87carry: %s\n", WEXITSTATUS(st) ? "call failed" : "held");
  return WEXITSTATUS(st) ? 1 : 0;
}
