/* x87cbcw_host.c: the thunks' constant (the loading thread's control
 * word) is 0x37f. The instance's callback thunks are made (first
 * sfi_callback_new) while the host thread runs with upward rounding
 * (fesetround: x87 0xb7f, MXCSR 0x5f80) -- e.g. made on a worker thread
 * with its own FP environment, or by host code that changed rounding for
 * itself; the host is back at 0x37f for every call in, so the call in
 * never marks the thread (x87_dirty bit 1).
 * Claim under test (7d76e95): whenever an x87-free module's host-import
 * thunk skips its x87 checks, the control word is the thunks' constant.
 * 455f9fb: every host-import thunk reloads 0x37f: host_env always runs
 *   under 0x37f/0x1f80.
 * 7d76e95: via_cb: the callback thunk loads its own constant (0xb7f), the
 *   callback returns to the sandbox, host_env's thunk sees x87_dirty == 0
 *   and skips: host_env runs under x87 FCW 0xb7f with MXCSR 0x1f80 (the
 *   mixed environment of x87cwsel), chosen by the sandbox (direct() gets
 *   0x37f). via_imp: the same after a host import that changed the x87
 *   rounding itself.
 *   usage: x87cbcw_host x87cbcw.so [thread|unmask]   exit 1 on a difference
 *   "thread": the callback is made on a second thread whose FP environment
 *   is upward rounding; the main thread never changes its own.
 *   "unmask": that thread also unmasks FE_DIVBYZERO (feenableexcept: its
 *   own business), and host_env divides a long double by zero, which the
 *   main thread (0x37f: everything masked) may do. 455f9fb: host_env runs
 *   under 0x37f, the division gives inf. 7d76e95: after via_cb host_env
 *   runs with ZE unmasked: SIGFPE in host code, the host dies (status
 *   136), at the sandbox's choice. */
#define _GNU_SOURCE
#include <fenv.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "sfi.h"
#include "x87_host.h"

static uint16_t seen_fcw;
static uint32_t seen_mxcsr;

static int unmask;
static volatile long double zero = 0.0L, quot;

static int host_env(void) {
  struct x87env e = x87_env();
  if (unmask)
    quot = 1.0L / zero; /* the host's own long double arithmetic */
  uint32_t m;
  __asm__ volatile("stmxcsr %0" : "=m"(m));
  seen_fcw = e.fcw;
  seen_mxcsr = m & ~0x3fu;
  return 0;
}

static int host_round(int up) {
  fesetround(up ? FE_UPWARD : FE_TONEAREST);
  return 0;
}

static int noop(void) { return 0; }

static sfi_instance *in;
static uint64_t cb;

static void *make_cb(void *arg) {
  (void)arg;
  fesetround(FE_UPWARD); /* this thread's own environment */
  if (unmask)
    feenableexcept(FE_DIVBYZERO);
  cb = sfi_callback_new(in, ":i", (void *)noop);
  return NULL;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  unmask = argc > 2 && strcmp(argv[2], "unmask") == 0;
  setvbuf(stdout, NULL, _IONBF, 0);
  int thread = unmask || (argc > 2 && strcmp(argv[2], "thread") == 0);
  const sfi_import imps[] = {{"host_env", ":i", (void *)host_env},
                             {"host_round", "i:i", (void *)host_round},
                             {NULL, NULL, NULL}};
  sfi_module *m = sfi_module_load(argv[1], imps, NULL);
  in = m ? sfi_instance_new(m, NULL) : NULL;
  if (!in) {
    printf("load: %s\n", sfi_errmsg());
    return 2;
  }
  if (thread) {
    pthread_t th;
    pthread_create(&th, NULL, make_cb, NULL);
    pthread_join(th, NULL);
  } else {
    make_cb(NULL);
    fesetround(FE_TONEAREST); /* back to the loading environment */
  }
  if (!cb) {
    printf("callback: %s\n", sfi_errmsg());
    return 2;
  }
  int bad = 0;
  for (int i = 0; i < 3; i++) {
    sfi_val r, a[1];
    a[0].ptr = cb;
    const char *fn = i == 0 ? "direct" : i == 1 ? "via_cb" : "via_imp";
    seen_fcw = 0;
    int rc = i == 0 ? sfi_call(in, fn, ":i", NULL, &r)
           : i == 1 ? sfi_call(in, fn, "p:i", a, &r)
                    : sfi_call(in, fn, ":i", NULL, &r);
    if (rc != SFI_OK) {
      printf("%s: %s\n", fn, sfi_errmsg());
      return 2;
    }
    int ok = seen_fcw == 0x37f && seen_mxcsr == 0x1f80;
    printf("  %s: host_env ran under x87 FCW 0x%x, MXCSR 0x%x%s\n", fn,
           seen_fcw, seen_mxcsr,
           ok ? "" : "  BAD: not the thunks' 0x37f/0x1f80");
    bad |= !ok;
  }
  printf("x87cbcw: %s\n", bad ? "an import skipped its check under "
                                "another control word" : "held");
  return bad;
}
