/* x87free.c: a module whose machine code has no x87, MMX or AVX-512
 * instruction (plain C at -O2 on doubles and ints): the verifier says so
 * (SFI_USES_*), and the transitions then leave the x87 unit and the
 * AVX-512 registers alone. x87free_host.c checks that the host still finds
 * its own x87 control word and an empty x87 stack after a return, after a
 * trap, and inside an import. */
#include "x87_mod.h"

int host_fcw(void);

int plain(int x) { return x * 3 + 1; }

double scale(double x) { return x * 1.5; }

int crash(int x) {
  volatile int *p = (volatile int *)(long)(0xfffff000u + (unsigned)x);
  return *p; /* the region's guard: a trap */
}

int via_host(void) { return host_fcw(); }

/* Runtime code first (the host's snprintf formats a long double for the
 * system interface: the thread is marked), then the import: the import
 * thunk must check the x87 state again. */
static struct ld one = {0x8000000000000000ULL, 0x3fff, {0}}; /* 1.0L */
static char out[64];
int via_sys_host(void) {
  if (__sfi_sys_fmt_fp((unsigned long)out, sizeof out, 'f', 0, 1,
                       (unsigned long)&one) <= 0)
    return -1;
  return host_fcw();
}
