/* x87leave_host.c: runs x87leave.so (which the verifier calls x87-free)
 * and checks the host's x87 state after each call:
 *  1. the host unmasks the x87 zero-divide exception (FCW 0x37b, as
 *     feenableexcept(FE_DIVBYZERO) does) and calls masked(): the control
 *     word must still be 0x37b afterwards;
 *  2. pile(1), then pile(8): the x87 stack must be empty afterwards, and a
 *     long double computation of the host must still give its result.
 *  3. with "trap": after pile(8) the host enables the x87 invalid-operation
 *     trap (feenableexcept(FE_INVALID)) and computes: the invalid flag the
 *     overflowing pushes left pending gives SIGFPE in host code (the host
 *     dies); with the transitions' X87_INIT it would not.
 *   usage: x87leave_host x87leave.so [trap]   exit 1 on a difference */
#define _GNU_SOURCE
#include <fenv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "sfi.h"
#include "x87_host.h"

static int check(const char *when, uint16_t want) {
  struct x87env e = x87_env();
  if (e.fcw != want || e.ftw != 0xffff) {
    printf("BAD (%s): FCW 0x%x (want 0x%x) FSW 0x%x (TOP %d) FTW 0x%x\n",
           when, e.fcw, want, e.fsw, (e.fsw >> 11) & 7, e.ftw);
    return 1;
  }
  printf("ok (%s): FCW 0x%x FTW 0x%x\n", when, e.fcw, e.ftw);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  sfi_module *m = sfi_module_load(argv[1], NULL, NULL);
  sfi_instance *in = m ? sfi_instance_new(m, NULL) : NULL;
  if (!in) {
    printf("load: %s\n", sfi_errmsg());
    return 2;
  }
  int bad = 0;
  uint16_t cw = 0x37b; /* zero-divide unmasked */
  __asm__ volatile("fldcw %0" ::"m"(cw));
  sfi_val d = SFI_F64(-2.0), r;
  if (sfi_call(in, "masked", "d:d", &d, &r) != SFI_OK || r.f64 != 2.0) {
    printf("masked: %s\n", sfi_errmsg());
    return 2;
  }
  bad |= check("after masked()", 0x37b);
  cw = 0x37f;
  __asm__ volatile("fninit; fldcw %0" ::"m"(cw));
  sfi_val n = SFI_I32(1);
  if (sfi_call(in, "pile", "i:i", &n, &r) != SFI_OK) {
    printf("pile: %s\n", sfi_errmsg());
    return 2;
  }
  bad |= check("after pile(1)", 0x37f);
  n = SFI_I32(8);
  if (sfi_call(in, "pile", "i:i", &n, &r) != SFI_OK) {
    printf("pile: %s\n", sfi_errmsg());
    return 2;
  }
  bad |= check("after pile(8)", 0x37f);
  if (argc > 2 && !strcmp(argv[2], "trap")) {
    feenableexcept(FE_INVALID);
    printf("host: FE_INVALID trap enabled, computing...\n");
    fflush(stdout);
  }
  volatile long double x = 3.0L;
  long double y = x * x + 1.0L; /* the host's own long double arithmetic */
  printf("host: 3.0L * 3.0L + 1.0L = %Lg\n", y);
  if (y != 10.0L) {
    printf("BAD: the host's long double arithmetic gives %Lg\n", y);
    bad = 1;
  }
  sfi_instance_free(in);
  sfi_module_free(m);
  if (!bad)
    printf("x87leave: host x87 state kept\n");
  return bad;
}
