/* dwtrap_host.c (review4): calls boom(), which traps, and times how long
 * the host needs to get the error back (the trap message is symbolized
 * with file:line from the module's DWARF by libdw, in the host thread).
 *   usage: dwtrap_host MODULE.so [SECONDS]
 *   exit 1 if the error took more than SECONDS (default 5) */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "review_host.h"
#include "sfi.h"

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  double lim = argc > 2 ? atof(argv[2]) : 5;
  sfi_module *m = review_load(argv[1], NULL);
  sfi_instance_options o = {.time_limit = 1};
  sfi_instance *in = review_instance(m, &o);
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  int rc = sfi_call(in, "boom", ":v", NULL, NULL);
  clock_gettime(CLOCK_MONOTONIC, &b);
  double s = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
  printf("trap reported after %.2f s (time limit 1 s): rc %d: %s\n", s, rc,
         sfi_errmsg());
  return s > lim;
}
