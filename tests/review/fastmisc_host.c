/* fastmisc_host.c: call_fast's (cd97cf4) exit paths against what call_core
 * did: after a normal return, a trap, exit(), a refused longjmp into a
 * returned call, and a nested call from an import, the host's own %gs base,
 * MXCSR and x87 control word are back; the trapped instance refuses calls
 * until reset; a time-limited instance (call_core) still times out.
 *   usage: fastmisc_host fastmisc.so    exit 1 on any difference */
#define _GNU_SOURCE
#include <asm/prctl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <xmmintrin.h>

#include "review_host.h"
#include "sfi.h"

static uint64_t gsmine;
static sfi_fn *okf;
static int fails;

static uint64_t gs_get(void) {
  unsigned long v = 0;
  syscall(SYS_arch_prctl, ARCH_GET_GS, &v);
  return v;
}
static uint16_t fcw(void) {
  uint16_t c;
  __asm__ volatile("fnstcw %0" : "=m"(c));
  return c;
}
static int host_back(int x) {
  sfi_val a = SFI_I32(x), r;
  int rc = sfi_fn_call(okf, &a, &r);
  return rc == SFI_OK ? r.i32 : -1000;
}
static void check(const char *what, int rc, int want_rc, int res, int want) {
  uint64_t g = gs_get();
  unsigned mx = _mm_getcsr();
  uint16_t cw = fcw();
  int bad = rc != want_rc || (want_rc == SFI_OK && res != want) ||
            g != gsmine || (mx & ~0x3fu) != 0x1f80 || cw != 0x37f;
  /* exception flags not compared: the runtime's own deadline arithmetic
   * (sfi__deadline, host code) sets PE for a time-limited call */
  printf("%s %-10s rc %d res %d  gs %s mxcsr 0x%x fcw 0x%x%s%s\n",
         bad ? "BAD" : "ok ", what, rc, res, g == gsmine ? "mine" : "LOST",
         mx, cw, rc ? "  " : "", rc ? sfi_errmsg() : "");
  fails += bad;
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  const sfi_import imps[] = {{"host_back", "i:i", (void *)host_back},
                             {NULL, NULL, NULL}};
  sfi_module *m = review_load(argv[1], imps);
  sfi_instance *in = review_instance(m, NULL);
  sfi_instance_options lo = {.time_limit = 0.05};
  sfi_instance *lim = review_instance(m, &lo);
  okf = sfi_fn_new(in, sfi_lookup(in, "ok"), "i:i");
  gsmine = (uint64_t)mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  syscall(SYS_arch_prctl, ARCH_SET_GS, gsmine);
  sfi_val a = SFI_I32(41), r = {0};
  int rc = sfi_fn_call(okf, &a, &r); /* prepares the thread */
  check("first", rc, SFI_OK, r.i32, 42);
  rc = sfi_fn_call(okf, &a, &r);
  check("ok", rc, SFI_OK, r.i32, 42);
  rc = sfi_call(in, "via_host", "i:i", &a, &r);
  check("via_host", rc, SFI_OK, r.i32, 142);
  rc = sfi_call(in, "sj_save", ":i", NULL, &r);
  check("sj_save", rc, SFI_OK, r.i32, 0);
  rc = sfi_call(in, "sj_jump", ":i", NULL, &r);
  check("sj_jump", rc, SFI_TRAP_ABORT, 0, 0);
  rc = sfi_fn_call(okf, &a, &r);
  check("trapped", rc, SFI_ERR_TRAPPED, 0, 0);
  sfi_instance_reset(in);
  rc = sfi_call(in, "doexit", "i:i", &a, &r);
  check("exit", rc, SFI_ERR_EXIT, 0, 0);
  rc = sfi_fn_call(okf, &a, &r);
  check("after exit", rc, SFI_OK, r.i32, 42);
  rc = sfi_call(in, "trap", ":i", NULL, &r);
  check("trap", rc, SFI_TRAP_ILLEGAL, 0, 0);
  sfi_instance_reset(in);
  rc = sfi_call(in, "oob", ":i", NULL, &r);
  printf("    (oob rc %d)\n", rc);
  sfi_instance_reset(in);
  rc = sfi_call(lim, "spin", ":i", NULL, &r);
  check("timeout", rc, SFI_TRAP_TIMEOUT, 0, 0);
  rc = sfi_fn_call(okf, &a, &r);
  check("ok again", rc, SFI_OK, r.i32, 42);
  return fails != 0;
}
