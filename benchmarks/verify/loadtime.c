/* loadtime.c: what the binary verifier adds to sfi_module_load. For each
 * module: the CPU time of sfi_module_load + sfi_module_free (which verifies
 * the module, always), and of sfi__verify_module alone on the loaded
 * module (its image mapped from the memfd, the inputs built from the
 * module, sfi_verify), each the median of R rounds of N repetitions.
 * Modules are loaded without imports: pick ones that need none beyond the
 * system interface, or the load fails and the module is skipped.
 * Usage: verify_loadtime [-n N] [-r R] module.so... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

static double cpu_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  long n = 200, rounds = 5;
  int a = 1;
  for (; a + 1 < argc && argv[a][0] == '-'; a += 2) {
    if (strcmp(argv[a], "-n") == 0)
      n = atol(argv[a + 1]);
    else if (strcmp(argv[a], "-r") == 0)
      rounds = atol(argv[a + 1]);
  }
  if (a >= argc || n < 1 || rounds < 1 || rounds > 99) {
    fprintf(stderr, "usage: verify_loadtime [-n N] [-r R] module.so...\n");
    return 2;
  }
  int rc = 0;
  for (; a < argc; a++) {
    const char *path = argv[a];
    sfi_module *m = sfi_module_load(path, NULL, NULL);
    if (!m) {
      printf("%s: skipped: %s\n", path, sfi_errmsg());
      rc = 1;
      continue;
    }
    double load[99], ver[99];
    for (long r = 0; r < rounds; r++) {
      double t0 = cpu_now();
      for (long i = 0; i < n; i++) {
        sfi_module *k = sfi_module_load(path, NULL, NULL);
        if (!k) {
          printf("%s: load failed: %s\n", path, sfi_errmsg());
          return 1;
        }
        sfi_module_free(k);
      }
      double t1 = cpu_now();
      for (long i = 0; i < n; i++)
        if (sfi__verify_module(m) != SFI_OK) {
          printf("%s: verify failed: %s\n", path, sfi_errmsg());
          return 1;
        }
      double t2 = cpu_now();
      load[r] = (t1 - t0) / (double)n;
      ver[r] = (t2 - t1) / (double)n;
    }
    qsort(load, (size_t)rounds, sizeof *load, cmp);
    qsort(ver, (size_t)rounds, sizeof *ver, cmp);
    double l = load[rounds / 2], v = ver[rounds / 2];
    printf("%s: sfi_module_load+free %.1f us cpu, of which verification "
           "(sfi__verify_module) %.1f us = %.0f%%\n",
           path, l * 1e6, v * 1e6, 100.0 * v / l);
    sfi_module_free(m);
  }
  return rc;
}
