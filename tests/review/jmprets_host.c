/* jmprets_host.c: creates an instance with a 2 MiB mem_limit, calls
 * attack() (jmprets.c) and reports how much the host's peak RSS grew.
 * Exit 1 if it grew by more than 8 MiB (four times the limit).
 *   usage: jmprets_host MODULE.so */
#include <stdio.h>
#include <sys/resource.h>

#include "review_host.h"
#include "sfi.h"

static long maxrss_kb(void) {
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  sfi_module *m = review_load(argv[1], NULL);
  sfi_instance_options o = {.mem_limit = 2u << 20};
  sfi_instance *in = review_instance(m, &o);
  long before = maxrss_kb();
  sfi_val r;
  int rc = sfi_call(in, "attack", ":i", NULL, &r);
  long grew = maxrss_kb() - before;
  printf("attack: rc=%d %s; host peak RSS grew %ld KB under a 2 MiB "
         "mem_limit\n",
         rc, rc ? sfi_errmsg() : "", grew);
  return grew > 8192 ? 1 : 0;
}
