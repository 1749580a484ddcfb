/* cfflush_host.c: creates an instance, calls ping(1), frees the instance.
 *   usage: cfflush_host MODULE.so    exit 0 when the host survives */
#include <stdio.h>

#include "review_host.h"
#include "sfi.h"

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  sfi_module *m = review_load(argv[1], NULL);
  sfi_instance *in = review_instance(m, NULL);
  sfi_val a = SFI_I64(1), r;
  int rc = sfi_call(in, "ping", "I:I", &a, &r);
  printf("ping: rc=%d value=%lld; freeing the instance\n", rc,
         (long long)r.i64);
  fflush(stdout);
  sfi_instance_free(in);
  printf("host survived\n");
  return 0;
}
