/* cbstraddle_host.c: an honest host: loads the module, calls ping(),
 * registers one callback with sfi_callback_new. Exit 0 if the host
 * survives (the module refused or the callback call failed cleanly).
 *   usage: cbstraddle_host MODULE.so */
#include <stdio.h>

#include "review_host.h"
#include "sfi.h"

static int cb(int x) { return x + 1; }

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  sfi_module *m = review_load(argv[1], NULL);
  sfi_instance *in = review_instance(m, NULL);
  sfi_val r;
  int rc = sfi_call(in, "ping", ":i", NULL, &r);
  printf("ping: rc=%d value=%d\n", rc, r.i32);
  fflush(stdout);
  uint64_t f = sfi_callback_new(in, "i:i", (void *)cb);
  printf("sfi_callback_new: 0x%llx %s; host survived\n", (unsigned long long)f,
         f ? "" : sfi_errmsg());
  return 0;
}
