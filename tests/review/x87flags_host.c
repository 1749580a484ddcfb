/* x87flags_host.c: runs x87flags.so (x87-free by the verifier) with the
 * host's x87 invalid-operation exception unmasked (feenableexcept
 * (FE_INVALID), FCW 0x37e), each case in a child process:
 *   fmt     viafmt(), then the host computes with long double
 *   nt      viant(1.0), then the host computes with long double
 *   import  then_import(): the host import host_ld (granted under the
 *           loading thread's control word, IE unmasked) computes with
 *           long double: SIGFPE inside the host function
 * After each call the parent-side check prints FSW/FCW; a child killed by
 * SIGFPE is reported as BAD. Exit 1 if any case broke the host.
 *   usage: x87flags_host x87flags.so */
#define _GNU_SOURCE
#include <fenv.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sfi.h"
#include "x87_host.h"

static int host_ld(void) {
  struct x87env e = x87_env();
  printf("  in host_ld: FCW 0x%x FSW 0x%x\n", e.fcw, e.fsw);
  fflush(stdout);
  volatile long double x = 3.0L;
  long double y = x * x + 1.0L;
  return (int)y;
}

static int run(const char *path, const char *what) {
  const sfi_import imps[] = {{"host_ld", ":i", (void *)host_ld},
                             {NULL, NULL, NULL}};
  /* Before the load: the host-import thunks run host functions under the
   * loading thread's control word. */
  feenableexcept(FE_INVALID);
  sfi_module *m = sfi_module_load(path, imps, NULL);
  sfi_instance *in = m ? sfi_instance_new(m, NULL) : NULL;
  if (!in) {
    printf("load: %s\n", sfi_errmsg());
    return 2;
  }
  sfi_val a = SFI_F64(1.0), r;
  int rc;
  if (!strcmp(what, "fmt"))
    rc = sfi_call(in, "viafmt", ":i", NULL, &r);
  else if (!strcmp(what, "nt"))
    rc = sfi_call(in, "viant", "d:d", &a, &r);
  else
    rc = sfi_call(in, "then_import", ":i", NULL, &r);
  struct x87env e = x87_env();
  printf("  %s: sfi_call %d; host after: FCW 0x%x FSW 0x%x%s\n", what, rc,
         e.fcw, e.fsw, (e.fsw & 0x80) ? " (ES: exception pending)" : "");
  fflush(stdout);
  volatile long double x = 3.0L;
  long double y = x * x + 1.0L; /* the host's own long double arithmetic */
  printf("  host: 3.0L * 3.0L + 1.0L = %Lg\n", y);
  return y == 10.0L ? 0 : 1;
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  const char *cases[] = {"fmt", "nt", "import"};
  int bad = 0;
  for (int i = 0; i < 3; i++) {
    fflush(stdout);
    pid_t p = fork();
    if (p == 0)
      _exit(run(argv[1], cases[i]));
    int st;
    waitpid(p, &st, 0);
    if (WIFSIGNALED(st)) {
      printf("BAD (%s): host killed by signal %d (%s)\n", cases[i],
             WTERMSIG(st), strsignal(WTERMSIG(st)));
      bad = 1;
    } else if (WEXITSTATUS(st)) {
      printf("BAD (%s): exit %d\n", cases[i], WEXITSTATUS(st));
      bad = 1;
    } else
      printf("ok (%s)\n", cases[i]);
  }
  if (!bad)
    printf("x87flags: host x87 state kept\n");
  return bad;
}
