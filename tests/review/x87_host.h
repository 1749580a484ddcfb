/* x87_host.h: what the x87 review hosts (x87*_host.c) share: the host's
 * x87 environment, read without changing it, and module A's (x87nest_a.s
 * `probe`) look at the MMX registers for module B's secret. */
#ifndef X87_HOST_H
#define X87_HOST_H
#include <stdint.h>
#include <stdio.h>

#include "sfi.h"

/* fnstenv layout (32-bit protected-mode format, used by 64-bit mode
 * without REX.W): control, status and tag words, then the last
 * instruction and operand addresses. */
struct x87env {
  uint16_t fcw, r0, fsw, r1, ftw, r2;
  uint32_t rest[5];
};

/* fnstenv masks every exception: fldenv puts the environment back. */
static inline struct x87env x87_env(void) {
  struct x87env e;
  __asm__ volatile("fnstenv %0; fldenv %0" : "=m"(e));
  return e;
}

/* Calls A's probe (it stores %mm0-%mm7) and looks for secret, a long
 * double's mantissa without its top bit: the number of registers that
 * hold it (each printed as BAD, with `what`), or -1 if the probe failed.
 * verbose: every register printed. */
static inline int x87_a_sees(sfi_instance *ina, uint64_t secret,
                             const char *what, int verbose) {
  sfi_val r;
  uint64_t mm[8];
  if (sfi_call(ina, "probe", ":I", NULL, &r) != SFI_OK ||
      sfi_copy_out(ina, mm, r.ptr, sizeof mm) != SFI_OK) {
    printf("probe: %s\n", sfi_errmsg());
    return -1;
  }
  int seen = 0;
  for (int i = 0; i < 8; i++) {
    if (verbose)
      printf("  A sees %%mm%d = 0x%016llx\n", i, (unsigned long long)mm[i]);
    if ((mm[i] & 0x7fffffffffffffffULL) == secret) {
      printf("  BAD (%s): A (another sandbox) reads B's secret long double "
             "in %%mm%d = 0x%016llx\n", what, i, (unsigned long long)mm[i]);
      seen++;
    }
  }
  return seen;
}
/* SFI_TEST_NO_XINUSE=1 in the environment: the runtime takes the path of
 * a processor without XGETBV(1) (fninit, eight fldz, fninit instead of
 * XRSTOR) for this host, so the same assertions test that path too. The
 * flag is the runtime's own (call.c, decided once by a constructor that
 * runs before this one; a hidden symbol, reachable in a static link). */
#include <stdlib.h>
extern unsigned char sfi__cpu_xinuse;
void sfi__cpu_init(void);
__attribute__((constructor)) static void x87_host_fallback(void) {
  const char *v = getenv("SFI_TEST_NO_XINUSE");
  if (v && *v == '1') {
    sfi__cpu_init();
    sfi__cpu_xinuse = 0;
  }
}
#endif
