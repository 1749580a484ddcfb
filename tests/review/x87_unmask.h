/* x87_unmask.h: what x87unmask_host.c and x87carry_host.c share: the host
 * import host_ld, which unmasks FE_INVALID for its own long double
 * arithmetic (so an invalid-operation flag left set before it runs is
 * pending there: SIGFPE in host code), and the run of one module call in a
 * child process, so that a host killed inside its own import is reported
 * rather than ending the test run. */
#ifndef X87_UNMASK_H
#define X87_UNMASK_H
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

/* Calls fn (":i") of a new instance of path, loaded with imps, in a child:
 * it must return host_ld's 10. Prints "name: held" and returns 0, or says
 * how it failed (killed by a signal: BAD) and returns 1. */
static int x87_unmask_run(const char *name, const char *path,
                          const sfi_import *imps, const char *fn) {
  fflush(stdout);
  pid_t p = fork();
  if (p == 0) {
    sfi_module *m = sfi_module_load(path, imps, NULL);
    sfi_instance *in = m ? sfi_instance_new(m, NULL) : NULL;
    if (!in) {
      printf("load: %s\n", sfi_errmsg());
      _exit(2);
    }
    sfi_val r;
    int rc = sfi_call(in, fn, ":i", NULL, &r);
    printf("  %s: %d, host_ld gave %d\n", fn, rc, r.i32);
    fflush(stdout);
    _exit(rc == SFI_OK && r.i32 == 10 ? 0 : 1);
  }
  int st;
  waitpid(p, &st, 0);
  if (WIFSIGNALED(st)) {
    printf("BAD: %s: host killed by signal %d (%s) inside its own import\n",
           name, WTERMSIG(st), strsignal(WTERMSIG(st)));
    return 1;
  }
  printf("%s: %s\n", name, WEXITSTATUS(st) ? "call failed" : "held");
  return WEXITSTATUS(st) ? 1 : 0;
}
#endif
