/* x87nest_host.c: two modules. A (x87nest_a.so, x87/MMX code) calls the
 * host import run_b, which calls work(SECRET) in B (x87nest_b.so, no x87
 * code: the verifier says so), B's secret being a long double it prints
 * through the system interface. Back in A, A reads %mm0-%mm7: a mantissa
 * equal to B's secret means B's data crossed to another sandbox through
 * the x87 registers (before 75bd0a3 B's return ran X87_INIT).
 *   usage: x87nest_host x87nest_a.so x87nest_b.so   exit 1 on a leak */
#include <stdint.h>
#include <stdio.h>
#include "sfi.h"
#include "x87_host.h"

#define SECRET 0x5ec7e75ec7e7ULL

static sfi_instance *inb;

static int run_b(void) {
  sfi_val k = SFI_I64(SECRET), r;
  if (sfi_call(inb, "work", "I:i", &k, &r) != SFI_OK) {
    printf("work: %s\n", sfi_errmsg());
    return -1;
  }
  return r.i32;
}

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  const sfi_import imps[] = {{"run_b", ":i", (void *)run_b},
                             {NULL, NULL, NULL}};
  sfi_module *ma = sfi_module_load(argv[1], imps, NULL);
  sfi_module *mb = sfi_module_load(argv[2], NULL, NULL);
  sfi_instance *ina = ma ? sfi_instance_new(ma, NULL) : NULL;
  inb = mb ? sfi_instance_new(mb, NULL) : NULL;
  if (!ina || !inb) {
    printf("load: %s\n", sfi_errmsg());
    return 2;
  }
  int seen = x87_a_sees(ina, SECRET, "x87nest", 1);
  if (seen < 0)
    return 2;
  int bad = seen > 0;
  if (!bad)
    printf("x87nest: B's x87 data not seen by A\n");
  return bad;
}
