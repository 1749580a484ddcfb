/* lifecycle.c: cold instance creation and destruction alone, for A/B runs
 * of two runtimes on a loaded machine: N instances created (no region kept
 * from a freed one), optionally each called once with 1 MiB of heap
 * touched, then freed; thread CPU time per instance, best of 5 rounds.
 *   clang-22 -O2 -Iruntime/include benchmarks/micro/lifecycle.c \
 *     build/lib/libsfirt.a -lZydis -lm -lpthread -ldl -o lifecycle
 *   taskset -c 1 ./lifecycle benchmarks/out/micro/mod.so 200 [touch] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sfi.h"

static double cpu(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void host_empty(void) {}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: lifecycle MODULE.so N [touch]\n");
    return 2;
  }
  const sfi_import imps[] = {{"host_empty", ":v", (void *)host_empty},
                             {NULL, NULL, NULL}};
  sfi_module *m = sfi_module_load(argv[1], imps, NULL);
  int n = atoi(argv[2]), touch = argc > 3;
  sfi_instance **v = malloc(sizeof *v * (size_t)(n > 0 ? n : 1));
  if (!m || !v || n < 1) {
    fprintf(stderr, "lifecycle: %s\n", sfi_errmsg());
    return 1;
  }
  double bn = 1e9, bf = 1e9;
  for (int r = 0; r < 5; r++) {
    sfi_release_cached();
    double t0 = cpu();
    for (int i = 0; i < n; i++)
      if (!(v[i] = sfi_instance_new(m, NULL))) {
        fprintf(stderr, "lifecycle: %s\n", sfi_errmsg());
        return 1;
      }
    double t = (cpu() - t0) * 1e6 / n;
    bn = t < bn ? t : bn;
    sfi_val big = SFI_I64(1 << 20);
    for (int i = 0; touch && i < n; i++)
      if (sfi_call(v[i], "touch_heap", "I:I", &big, NULL) != SFI_OK)
        return 1;
    t0 = cpu();
    for (int i = 0; i < n; i++)
      sfi_instance_free(v[i]);
    t = (cpu() - t0) * 1e6 / n;
    bf = t < bf ? t : bf;
  }
  printf("instance new (cold) %.1f us, free %.1f us (thread CPU time, best "
         "of 5 rounds of %d%s)\n",
         bn, bf, n, touch ? ", each called with 1 MiB of heap touched" : "");
  free(v);
  sfi_module_free(m);
  return 0;
}
