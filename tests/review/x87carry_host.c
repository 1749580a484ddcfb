/* x87carry_host.c: x87unmask's host_ld (enables FE_INVALID for its own
 * long double arithmetic), after another host import the sandbox called
 * with a signaling NaN left IE in the x87 status word.
 * 455f9fb: every host-import thunk clears x87 flags (fnclex when one is
 *   set): host_ld starts clean, returns 10.
 * 7d76e95: host_ld's thunk sees x87_dirty == 0 and skips the flag check:
 *   the IE flag host_widen left is pending once host_ld unmasks it,
 *   SIGFPE in host code, the host dies. The sandbox chose the operand and
 *   the order.
 *   usage: x87carry_host x87carry.so   exit 1 if the host died */
#include "x87_unmask.h"

static double host_widen(double x) {
  volatile long double w = x; /* fldl: IE for an SNaN (masked) */
  return (double)(w * 2);
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  const sfi_import imps[] = {{"host_widen", "d:d", (void *)host_widen},
                             {"host_ld", ":i", (void *)host_ld},
                             {NULL, NULL, NULL}};
  return x87_unmask_run("x87carry", argv[1], imps, "go");
}
