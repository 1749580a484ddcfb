/* x87exit_host.c: module A (x87nest_a.so, x87/MMX code) calls the host
 * import run_b, in which the host calls leave(SECRET, how) in module B
 * (x87exit.so: x87-free, or x87exit_x87.so: long double code). B's call
 * ends in exit() (how 0) or a trap (how 1): sfi__recover's fninit leaves
 * the x87 data registers as B left them; the import returns straight into
 * A, which reads %mm0-7 (another sandbox's secret).
 *   usage: x87exit_host x87nest_a.so B.so   exit 1 on a leak */
#include <stdint.h>
#include <stdio.h>
#include "sfi.h"
#include "x87_host.h"

#define SECRET 0x5ec7e75ec7e7ULL

static sfi_module *mb;
static sfi_instance *inb;
static int how;

/* (B is freed only after A's call: sfi_instance_free runs B's fflush, a
 * call whose return would reset the x87 unit for the x87_dirty mark the
 * recovery path leaves set.) */
static int run_b(void) {
  sfi_val a[2] = {SFI_I64(SECRET), SFI_I32(how)}, r;
  int rc = sfi_call(inb, "leave", "Ii:i", a, &r);
  printf("  leave(how %d): %d (%s)\n", how, rc,
         rc == SFI_OK ? "returned" : sfi_errmsg());
  return rc;
}

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  const sfi_import imps[] = {{"run_b", ":i", (void *)run_b},
                             {NULL, NULL, NULL}};
  sfi_module *ma = sfi_module_load(argv[1], imps, NULL);
  mb = sfi_module_load(argv[2], NULL, NULL);
  sfi_instance *ina = ma ? sfi_instance_new(ma, NULL) : NULL;
  if (!ina || !mb) {
    printf("load: %s\n", sfi_errmsg());
    return 2;
  }
  int bad = 0;
  for (how = 0; how < 2; how++) {
    inb = sfi_instance_new(mb, NULL);
    if (!inb) {
      printf("instance: %s\n", sfi_errmsg());
      return 2;
    }
    int seen = x87_a_sees(ina, SECRET, how ? "trap" : "exit", 0);
    if (seen < 0)
      return 2;
    if (!seen)
      printf("  %s: B's x87 data not seen by A\n", how ? "trap" : "exit");
    bad |= seen > 0;
    sfi_instance_free(inb);
  }
  return bad;
}
