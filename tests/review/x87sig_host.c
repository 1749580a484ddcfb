/* x87sig_host.c: the x87_dirty mark of bdd703f is per-thread memory, which
 * a signal handler's nested call clears while sigreturn puts the
 * interrupted x87 state back. The host's SIGALRM handler calls the module's
 * tick() while work() runs (a nested call, which sfi.h documents and
 * runtime.test_boundary exercises with timer-driven calls).
 *   fpe   the host has FE_INVALID unmasked (as x87flags); work(0, 1) formats
 *         a signaling NaN (IE set in the FSW), the handler's nested call
 *         runs: the return skips X87_INIT, puts back the host's control
 *         word: IE pending, SIGFPE at the host's next x87 instruction (run
 *         in a child; a child killed by SIGFPE is BAD)
 *   nest  (x87nest) module A (x87nest_a.so, x87/MMX code) calls the host
 *         import run_b, which calls work(SECRET, 0) in x87sig.so with the
 *         timer armed; back from the import A reads %mm0-7: the x87-free
 *         module's secret mantissa seen by another sandbox
 *   nosig the same as nest without the timer: must hold (bdd703f's fix)
 *   usage: x87sig_host x87sig.so [x87nest_a.so]   exit 1 on a leak/death */
#define _GNU_SOURCE
#include <fenv.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sfi.h"
#include "x87_host.h"

#define SECRET 0x5ec7e75ec7e7ULL

static sfi_instance *inb;
static volatile int ticks, tick_rc = -100;
static int use_timer;

static void on_alarm(int s) {
  (void)s;
  tick_rc = sfi_call(inb, "tick", ":v", NULL, NULL);
  ticks++;
}

static void arm(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alarm;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGALRM, &sa, NULL);
  struct itimerval it = {{0, 0}, {0, 20000}}; /* once, in 20 ms */
  setitimer(ITIMER_REAL, &it, NULL);
}

static int run_b(void) {
  sfi_val a[2] = {SFI_I64(SECRET), SFI_I32(0)}, r;
  if (use_timer)
    arm();
  if (sfi_call(inb, "work", "Ii:i", a, &r) != SFI_OK) {
    printf("work: %s\n", sfi_errmsg());
    return -1;
  }
  printf("  work returned %d; the handler's nested tick() ran %d time(s), "
         "rc %d\n", r.i32, ticks, tick_rc);
  return r.i32;
}

static int fpe(const char *path) {
  feenableexcept(FE_INVALID);
  sfi_module *m = sfi_module_load(path, NULL, NULL);
  inb = m ? sfi_instance_new(m, NULL) : NULL;
  if (!inb) {
    printf("load: %s\n", sfi_errmsg());
    return 2;
  }
  sfi_val a[2] = {SFI_I64(0), SFI_I32(1)}, r;
  arm();
  int rc = sfi_call(inb, "work", "Ii:i", a, &r);
  struct x87env e = x87_env();
  printf("  fpe: sfi_call %d (work %d, tick ran %d time(s), rc %d); host "
         "after: FCW 0x%x FSW 0x%x%s\n", rc, r.i32, ticks, tick_rc, e.fcw,
         e.fsw, (e.fsw & 0x80) ? " (ES: exception pending)" : "");
  fflush(stdout);
  volatile long double x = 3.0L;
  long double y = x * x + 1.0L; /* the host's own long double arithmetic */
  printf("  host: 3.0L * 3.0L + 1.0L = %Lg\n", y);
  return y == 10.0L ? 0 : 1;
}

static int nest(const char *pb, const char *pa) {
  const sfi_import imps[] = {{"run_b", ":i", (void *)run_b},
                             {NULL, NULL, NULL}};
  sfi_module *ma = sfi_module_load(pa, imps, NULL);
  sfi_module *mb = sfi_module_load(pb, NULL, NULL);
  sfi_instance *ina = ma ? sfi_instance_new(ma, NULL) : NULL;
  inb = mb ? sfi_instance_new(mb, NULL) : NULL;
  if (!ina || !inb) {
    printf("load: %s\n", sfi_errmsg());
    return 2;
  }
  int seen = x87_a_sees(ina, SECRET, "x87sig", 0);
  if (seen < 0)
    return 2;
  int bad = seen > 0;
  if (!bad)
    printf("  B's x87 data not seen by A\n");
  return bad;
}

static int child(int (*f)(void *), void *arg, const char *what) {
  fflush(stdout);
  pid_t p = fork();
  if (p == 0)
  {
    int rc = f(arg);
    fflush(stdout);
    _exit(rc);
  }
  int st;
  waitpid(p, &st, 0);
  if (WIFSIGNALED(st)) {
    printf("BAD: %s: host killed by signal %d (%s)\n", what, WTERMSIG(st),
           strsignal(WTERMSIG(st)));
    return 1;
  }
  if (WEXITSTATUS(st)) {
    printf("BAD: %s: exit status %d\n", what, WEXITSTATUS(st));
    return 1;
  }
  printf("%s: held\n", what);
  return 0;
}

static const char *pa, *pb;
static int c_fpe(void *x) { (void)x; return fpe(pb); }
static int c_nest(void *x) { use_timer = x != NULL; return nest(pb, pa); }

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  pb = argv[1];
  pa = argc > 2 ? argv[2] : NULL;
  int bad = child(c_fpe, NULL, "x87sig fpe");
  if (pa) {
    bad |= child(c_nest, NULL, "x87sig nosig (nest, no signal)");
    bad |= child(c_nest, (void *)1, "x87sig nest");
  }
  return bad;
}
