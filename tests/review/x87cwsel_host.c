/* x87cwsel_host.c: the host loads x87cwsel.so under the default FP
 * environment (x87 0x37f, MXCSR 0x1f80: what host functions run under),
 * then switches its own code to upward rounding (fesetround: both the x87
 * control word and MXCSR) and calls in. The import host_env records the
 * x87 control word and MXCSR it runs under.
 * 455f9fb: both calls run host_env under the loading thread's environment
 * (x87 0x37f, MXCSR 0x1f80), as the host-import thunk always reloads both.
 * 1233f70: an unmarked call (direct) skips the x87 check, so host_env runs
 * with x87 rounding upward but SSE rounding to nearest (MXCSR still reloaded
 * from the thunk's constant): a mixed environment no native program sees,
 * and the sandbox chooses it (marked() gets 0x37f, direct() 0xb7f) by
 * making, or not, one system-interface call first.
 *   usage: x87cwsel_host x87cwsel.so   exit 1 on a difference */
#include <fenv.h>
#include <stdint.h>
#include <stdio.h>
#include "sfi.h"
#include "x87_host.h"

static uint16_t seen_fcw;
static uint32_t seen_mxcsr;

static int host_env(void) {
  struct x87env e = x87_env();
  uint32_t m;
  __asm__ volatile("stmxcsr %0" : "=m"(m));
  seen_fcw = e.fcw;
  seen_mxcsr = m & ~0x3fu;
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  const sfi_import imps[] = {{"host_env", ":i", (void *)host_env},
                             {NULL, NULL, NULL}};
  sfi_module *m = sfi_module_load(argv[1], imps, NULL);
  sfi_instance *in = m ? sfi_instance_new(m, NULL) : NULL;
  if (!in) {
    printf("load: %s\n", sfi_errmsg());
    return 2;
  }
  int bad = 0;
  const char *fns[] = {"marked", "direct"};
  for (int i = 0; i < 2; i++) {
    fesetround(FE_UPWARD); /* the host's own code, after the load */
    sfi_val r;
    int rc = sfi_call(in, fns[i], ":i", NULL, &r);
    fesetround(FE_TONEAREST);
    if (rc != SFI_OK) {
      printf("%s: %s\n", fns[i], sfi_errmsg());
      return 2;
    }
    int ok = seen_fcw == 0x37f && seen_mxcsr == 0x1f80;
    printf("  %s: host_env ran under x87 FCW 0x%x, MXCSR 0x%x%s\n", fns[i],
           seen_fcw, seen_mxcsr,
           ok ? "" : "  BAD: not the loading thread's 0x37f/0x1f80");
    bad |= !ok;
  }
  printf("x87cwsel: %s\n", bad ? "the sandbox chose the import's x87 "
                                 "control word" : "held");
  return bad;
}
