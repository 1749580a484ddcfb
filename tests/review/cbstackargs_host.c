/* cbstackargs_host.c: registers a callback with seven integer parameters
 * (the kind sfi.h's signature strings allow, refused for imports since the
 * first review) and passes it to the module's attack().
 *   usage: cbstackargs_host MODULE.so   exit 0 when the host survives */
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
  sfi_module *m = review_load(argv[1], NULL);
  sfi_instance *in = review_instance(m, NULL);
  uint64_t cb = sfi_callback_new(in, "IIIIIII:I", (void *)host7);
  if (!cb) {
    printf("callback refused: %s\n", sfi_errmsg());
    return 0;
  }
  sfi_val a = SFI_PTR(cb), r;
  fflush(stdout);
  int rc = sfi_call(in, "attack", "p:I", &a, &r);
  printf("sfi_call rc=%d %s; host survived\n", rc, rc ? sfi_errmsg() : "");
  return 0;
}
