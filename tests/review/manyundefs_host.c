/* manyundefs_host.c: times sfi_module_load on a module (any verdict).
 *   usage: manyundefs_host MODULE.so */
#include <stdio.h>
#include <time.h>

#include "sfi.h"

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  sfi_module *m = sfi_module_load(argv[1], NULL, NULL);
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("sfi_module_load %s after %.2f s\n", m ? "succeeded" : "refused",
         (double)(b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9);
  return 0;
}
