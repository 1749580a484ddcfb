/* bignop_host.c: loads a module and reports how much the host's peak
 * resident memory grew during sfi_module_load, relative to the file size.
 * Exit 1 if it grew by more than 16 times the file size (bignop.s: ~40x).
 *   usage: bignop_host MODULE.so */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "sfi.h"

static long maxrss_kb(void) {
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  struct stat st;
  if (stat(argv[1], &st) != 0)
    return 2;
  long before = maxrss_kb();
  sfi_module *m = sfi_module_load(argv[1], NULL, NULL);
  long grew = maxrss_kb() - before;
  double ratio = (double)grew * 1024 / (double)st.st_size;
  printf("sfi_module_load %s; peak RSS grew %ld MB for a %lld MB file "
         "(%.0fx)\n",
         m ? "succeeded" : "refused", grew >> 10,
         (long long)st.st_size >> 20, ratio);
  return ratio > 16 ? 1 : 0;
}
