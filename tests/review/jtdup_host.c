/* jtdup_host.c: loads a module, plants a host canary and calls the
 * module's attack(addr, val) export; reports whether the host canary
 * changed (an escape) or the call was contained.
 *   usage: jtdup_host MODULE.so        exit 0: contained, 1: ESCAPE */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "review_host.h"
#include "sfi.h"

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  sfi_module *m = review_load(argv[1], NULL);
  sfi_instance *in = review_instance(m, NULL);
  volatile uint64_t *canary = malloc(8);
  *canary = 0x5ca1ab1e5ca1ab1eULL;
  sfi_val a[2] = {SFI_I64((uint64_t)(uintptr_t)canary),
                  SFI_I64(0x4141414141414141ULL)};
  int rc = sfi_call(in, "attack", "II:v", a, NULL);
  printf("sfi_call rc=%d (%s); host canary at %p = 0x%016" PRIx64 "\n", rc,
         rc ? sfi_errmsg() : "ok", (void *)canary, *canary);
  if (*canary != 0x5ca1ab1e5ca1ab1eULL) {
    printf("ESCAPE: sandbox wrote host heap memory\n");
    return 1;
  }
  printf("contained\n");
  return 0;
}
