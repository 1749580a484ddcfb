/* cbmisalign_host.c: an honest host with many instances, each given one
 * callback; then one instance calls it with a misaligned stack.
 *   usage: cbmisalign_host MODULE.so N   exit 0 when the host survives */
#include <stdio.h>
#include <stdlib.h>

#include "review_host.h"
#include "sfi.h"

static void cb(void) {}

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  int n = atoi(argv[2]);
  sfi_module *m = review_load(argv[1], NULL);
  sfi_instance *last = NULL;
  for (int i = 0; i < n; i++) {
    sfi_instance *in = sfi_instance_new(m, NULL);
    if (!in || !sfi_callback_new(in, ":v", (void *)cb)) {
      printf("instance %d: %s\n", i, sfi_errmsg());
      return 0;
    }
    last = in;
  }
  int rc = sfi_call(last, "attack", ":v", NULL, NULL);
  printf("%d instances: sfi_call rc=%d (%s); host survived\n", n, rc,
         sfi_strerror(rc));
  return 0;
}
