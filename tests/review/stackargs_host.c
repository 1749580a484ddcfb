/* stackargs_host.c: grants one import with seven integer parameters, the
 * kind sfi.h's signature strings allow, and calls the module's attack().
 *   usage: stackargs_host MODULE.so   exit 0 when the host survives */
#include <inttypes.h>
#include <stdio.h>

#include "review_host.h"
#include "sfi.h"

static volatile int64_t seen;
static int64_t host7(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e,
                     int64_t f, int64_t g) {
  seen = a + b + c + d + e + f + g;
  return seen;
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  sfi_import imps[] = {{"host7", "IIIIIII:I", (void *)host7}, {0}};
  sfi_module *m = review_load(argv[1], imps);
  sfi_instance *in = review_instance(m, NULL);
  sfi_val r;
  int rc = sfi_call(in, "attack", ":I", NULL, &r);
  printf("sfi_call rc=%d %s; host survived\n", rc, rc ? sfi_errmsg() : "");
  return 0;
}
