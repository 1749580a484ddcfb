/* lifecycle.c: instance creation and destruction alone, for A/B runs of
 * two runtimes on a loaded machine: N instances created (cold: no region
 * kept from a freed one; with "warm", every round but the first takes the
 * regions the previous round's frees kept), optionally each called once
 * with 1 MiB of heap touched, then freed; thread CPU time and minor page
 * faults per instance, best of 5 rounds. With "warm" the time
 * sfi_release_cached() takes to drop the kept regions is printed too.
 *   clang-22 -O2 -Iruntime/include benchmarks/micro/lifecycle.c \
 *     build/lib/libsfirt.a -lZydis -lm -lpthread -ldl -o lifecycle
 *   taskset -c 1 ./lifecycle benchmarks/out/micro/mod.so 200 [touch] [warm] */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "sfi.h"

static double cpu(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static long minflt(void) {
  struct rusage u;
  getrusage(RUSAGE_THREAD, &u);
  return u.ru_minflt;
}

static void host_empty(void) {}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: lifecycle MODULE.so N [touch] [warm]\n");
    return 2;
  }
  const sfi_import imps[] = {{"host_empty", ":v", (void *)host_empty},
                             {NULL, NULL, NULL}};
  sfi_module *m = sfi_module_load(argv[1], imps, NULL);
  int n = atoi(argv[2]), touch = 0, warm = 0;
  for (int i = 3; i < argc; i++)
    touch |= !strcmp(argv[i], "touch"), warm |= !strcmp(argv[i], "warm");
  sfi_instance **v = malloc(sizeof *v * (size_t)(n > 0 ? n : 1));
  if (!m || !v || n < 1) {
    fprintf(stderr, "lifecycle: %s\n", sfi_errmsg());
    return 1;
  }
  double bn = 1e9, bf = 1e9, brel = 1e9;
  long fn = 0, ff = 0;
  for (int r = 0; r < 5 + warm; r++) {
    if (!warm || r == 0)
      sfi_release_cached();
    long f0 = minflt();
    double t0 = cpu();
    for (int i = 0; i < n; i++)
      if (!(v[i] = sfi_instance_new(m, NULL))) {
        fprintf(stderr, "lifecycle: %s\n", sfi_errmsg());
        return 1;
      }
    double t = (cpu() - t0) * 1e6 / n;
    long f = minflt() - f0;
    if (!warm || r > 0) {
      bn = t < bn ? t : bn;
      fn = f;
    }
    sfi_val big = SFI_I64(1 << 20);
    for (int i = 0; touch && i < n; i++)
      if (sfi_call(v[i], "touch_heap", "I:I", &big, NULL) != SFI_OK)
        return 1;
    f0 = minflt();
    t0 = cpu();
    for (int i = 0; i < n; i++)
      sfi_instance_free(v[i]);
    t = (cpu() - t0) * 1e6 / n;
    f = minflt() - f0;
    if (!warm || r > 0) {
      bf = t < bf ? t : bf;
      ff = f;
    }
    if (warm && r > 0) { /* what keeping them deferred, timed apart */
      t0 = cpu();
      sfi_release_cached();
      t = (cpu() - t0) * 1e6 / n;
      brel = t < brel ? t : brel;
      for (int i = 0; i < n; i++) /* and the pool filled again */
        if ((v[i] = sfi_instance_new(m, NULL)) == NULL)
          return 1;
      for (int i = 0; i < n; i++)
        sfi_instance_free(v[i]);
    }
  }
  printf("instance new (%s) %.1f us, free %.1f us (thread CPU time, best "
         "of 5 rounds of %d%s); minor faults per instance: new %.1f, free "
         "%.1f\n",
         warm ? "warm: region kept by a free" : "cold", bn, bf, n,
         touch ? ", each called with 1 MiB of heap touched" : "",
         (double)fn / n, (double)ff / n);
  if (warm)
    printf("sfi_release_cached: %.1f us per kept region\n", brel);
  free(v);
  sfi_module_free(m);
  return 0;
}
