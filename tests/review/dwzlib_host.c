/* dwzlib_host.c (review4): an instance with a 16 MiB mem_limit calls
 * boom(), which traps; the host's RSS before and after the trap message
 * (symbolized by libdw from the module's DWARF) is compared.
 *   usage: dwzlib_host MODULE.so [MAX_MIB]
 *   exit 1 if the host's RSS grew by more than MAX_MIB (default 64) */
#include <stdio.h>
#include <stdlib.h>

#include "review_host.h"
#include "sfi.h"

static long rss_kib(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long v = -1;
  while (f && fgets(line, sizeof line, f))
    if (sscanf(line, "VmHWM: %ld", &v) == 1)
      break;
  if (f)
    fclose(f);
  return v;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  long max = argc > 2 ? atol(argv[2]) : 64;
  sfi_module *m = review_load(argv[1], NULL);
  sfi_instance_options o = {.mem_limit = 16 << 20, .time_limit = 1};
  sfi_instance *in = review_instance(m, &o);
  long before = rss_kib();
  int rc = sfi_call(in, "boom", ":v", NULL, NULL);
  long after = rss_kib();
  printf("rc %d; host peak RSS %ld MiB before the trap, %ld MiB after it "
         "(mem_limit 16 MiB)\n", rc, before >> 10, after >> 10);
  return (after - before) >> 10 > max;
}
