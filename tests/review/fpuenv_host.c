/* fpuenv_host.c: the x87 state a sandbox finds on entry must be the
 * initial one: no host instruction or data address (FIP/FDP, which
 * fnstenv shows: they break ASLR), no host register contents, no host
 * exception flags. And the state a sandbox leaves must not reach the host:
 * after dirty() the host's x87 stack is empty and its control word its own.
 *   usage: fpuenv_host fpuenv.so   exit 1 on a leak */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "sfi.h"

volatile long double sink;
static volatile long double secret_ld = 1234567.891L;

/* fnstenv layout (32-bit protected-mode format, which 64-bit mode uses
 * without REX.W): FCW, FSW, FTW, FIP (32), FCS/FOP, FDP (32), FDS. */
struct env {
  uint16_t fcw, r0, fsw, r1, ftw, r2;
  uint32_t fip;
  uint16_t fcs, fop;
  uint32_t fdp;
  uint16_t fds, r3;
  uint32_t pad;
  uint64_t mm[8];
};

static int check(sfi_instance *in, const char *when) {
  sfi_val r;
  if (sfi_call(in, "dump", ":p", NULL, &r) != SFI_OK) {
    printf("%s: dump failed: %s\n", when, sfi_errmsg());
    return 1;
  }
  struct env e;
  sfi_copy_out(in, &e, r.ptr, sizeof e);
  int bad = 0;
  if (e.fip || e.fop || e.fdp || e.fcs || e.fds) {
    printf("LEAK (%s): FIP 0x%x FOP 0x%x FDP 0x%x\n", when, e.fip, e.fop,
           e.fdp);
    bad = 1;
  }
  if (e.fcw != 0x37f || (e.fsw & 0x3fff) || (e.ftw & 0xffff) != 0xffff) {
    printf("LEAK (%s): FCW 0x%x FSW 0x%x FTW 0x%x\n", when, e.fcw, e.fsw,
           e.ftw);
    bad = 1;
  }
  for (int i = 0; i < 8; i++)
    if (e.mm[i]) {
      printf("LEAK (%s): %%mm%d = 0x%016llx\n", when, i,
             (unsigned long long)e.mm[i]);
      bad = 1;
    }
  return bad;
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  sfi_module *m = sfi_module_load(argv[1], NULL, NULL);
  sfi_instance *in = m ? sfi_instance_new(m, NULL) : NULL;
  if (!in) {
    printf("load: %s\n", sfi_errmsg());
    return 1;
  }
  int bad = check(in, "clean host");
  /* x87 code with a memory operand at a host address */
  sink = secret_ld * 3.0L;
  bad |= check(in, "after host x87 code");
  uint16_t cw = 0x27f; /* the host's own: double precision */
  __asm__ volatile("fldcw %0" ::"m"(cw));
  sink = secret_ld + 1.0L;
  bad |= check(in, "after host x87 code, own control word");
  for (int i = 0; i < 3; i++) {
    if (sfi_call(in, "dirty", ":v", NULL, NULL) != SFI_OK) {
      printf("dirty failed: %s\n", sfi_errmsg());
      return 1;
    }
    uint16_t hcw, hsw;
    unsigned char fenv[28];
    __asm__ volatile("fnstcw %0; fnstsw %1; fnstenv %2"
                     : "=m"(hcw), "=m"(hsw), "=m"(fenv));
    uint16_t ftw;
    memcpy(&ftw, fenv + 8, 2);
    if (hcw != 0x27f || (hsw & 0x3fff) || ftw != 0xffff) {
      printf("host state after dirty(): FCW 0x%x FSW 0x%x FTW 0x%x\n", hcw,
             hsw, ftw);
      bad = 1;
    }
    __asm__ volatile("fldcw %0" ::"m"(cw)); /* fnstenv masked them */
    long double x = secret_ld; /* host x87 math still right */
    sink = x * 2.0L;
    if (sink != secret_ld * 2.0L) {
      printf("host x87 arithmetic wrong after dirty()\n");
      bad = 1;
    }
    bad |= check(in, "after dirty()");
  }
  printf("%s\n", bad ? "FAIL" : "ok: initial x87 state both ways");
  return bad;
}
