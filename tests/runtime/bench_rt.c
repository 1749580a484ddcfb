/* bench_rt.c: runtime figures (not a ctest): instance creation, reset and
 * destruction time, the cost of a call into the sandbox and of a call out
 * to an import against a native call, and the number of live instances
 * one process reaches. Medians of several runs.
 * Usage: bench_rt bench.so [max-instances-cap] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sfi.h"

/* kB of a /proc/self/status field (VmRSS, VmPTE). */
static long status_kb(const char *field) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long v = -1;
  size_t n = strlen(field);
  while (f && fgets(line, sizeof line, f))
    if (strncmp(line, field, n) == 0 && line[n] == ':')
      v = atol(line + n + 1);
  if (f)
    fclose(f);
  return v;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}
static int cmpd(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}
static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, cmpd);
  return v[n / 2];
}

__attribute__((noinline)) static int64_t host_noop(int64_t x) {
  __asm__ volatile("");
  return x;
}
static int64_t (*volatile native_fp)(int64_t) = host_noop;

#define RUNS 9

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  long cap = argc > 2 ? atol(argv[2]) : 40000;
  sfi_import imps[] = {{"host_noop", "I:I", (void *)host_noop}, {0}};
  sfi_module *m = sfi_module_load(argv[1], imps, NULL);
  if (!m) {
    fprintf(stderr, "%s\n", sfi_errmsg());
    return 1;
  }
  double t[RUNS], u[RUNS], w[RUNS];
  /* create / reset / destroy, 200 instances per run */
  enum { K = 200 };
  static sfi_instance *v[K];
  for (int r = 0; r < RUNS; r++) {
    double t0 = now();
    for (int i = 0; i < K; i++)
      v[i] = sfi_instance_new(m, NULL);
    double t1 = now();
    for (int i = 0; i < K; i++)
      sfi_instance_reset(v[i]);
    double t2 = now();
    for (int i = 0; i < K; i++)
      sfi_instance_free(v[i]);
    double t3 = now();
    t[r] = (t1 - t0) / K;
    u[r] = (t2 - t1) / K;
    w[r] = (t3 - t2) / K;
  }
  printf("instance create  %8.2f us (median of %d runs x %d)\n",
         median(t, RUNS) / 1e3, RUNS, K);
  printf("instance reset   %8.2f us\n", median(u, RUNS) / 1e3);
  printf("instance destroy %8.2f us\n", median(w, RUNS) / 1e3);

  sfi_instance *in = sfi_instance_new(m, NULL);
  uint64_t fn = sfi_lookup(in, "nothing");
  enum { N = 1000000 };
  sfi_val a = SFI_I64(1), ret;
  for (int r = 0; r < RUNS; r++) {
    double t0 = now();
    for (int i = 0; i < N; i++)
      sfi_call_addr(in, fn, "I:I", &a, &ret);
    double t1 = now();
    for (int i = 0; i < N; i++)
      sfi_call(in, "nothing", "I:I", &a, &ret);
    double t2 = now();
    int64_t s = 0;
    for (int i = 0; i < N; i++)
      s += native_fp(i);
    double t3 = now();
    t[r] = (t1 - t0) / N;
    u[r] = (t2 - t1) / N;
    w[r] = (t3 - t2) / N;
    if (s == 42)
      puts("");
  }
  double native = median(w, RUNS);
  printf("call in, sfi_call_addr %6.1f ns; sfi_call by name %6.1f ns; "
         "native indirect call %4.1f ns\n",
         median(t, RUNS), median(u, RUNS), native);
  /* Call out: the sandbox loops over an import vs over a local function
   * pointer (a native indirect call inside the sandbox). */
  sfi_val n = SFI_I64(N);
  sfi_val fp[2] = {SFI_I64(N), SFI_PTR(0)};
  for (int r = 0; r < RUNS; r++) {
    double t0 = now();
    sfi_call(in, "loop_host", "I:I", &n, &ret);
    double t1 = now();
    t[r] = (t1 - t0) / N;
  }
  (void)fp;
  printf("call out to a host import (thunk restores the host FP "
         "environment) %5.1f ns (native call %4.1f ns)\n",
         median(t, RUNS), native);
  for (int r = 0; r < RUNS; r++) {
    double t0 = now();
    sfi_call(in, "loop_libm", "I:I", &n, &ret);
    double t1 = now();
    t[r] = (t1 - t0) / N;
  }
  printf("call out to libm/system interface (plain thunk), per call %5.1f ns "
         "incl. fabs\n",
         median(t, RUNS));
  sfi_instance_free(in);

  /* Live instances. */
  static sfi_instance *all[1 << 16];
  long live = 0, rss0 = status_kb("VmRSS"), pte0 = status_kb("VmPTE");
  double t0 = now();
  while (live < cap && live < (1 << 16)) {
    all[live] = sfi_instance_new(m, NULL);
    if (!all[live])
      break;
    live++;
  }
  double t1 = now();
  printf("live instances: %ld (%s) in %.2f s\n", live,
         live == cap ? "cap reached" : sfi_errmsg(), (t1 - t0) / 1e9);
  if (live)
    printf("idle instance memory: %.1f KiB resident + %.1f KiB page "
           "tables\n",
           (double)(status_kb("VmRSS") - rss0) / live,
           (double)(status_kb("VmPTE") - pte0) / live);
  if (live) {
    sfi_val x = SFI_I64(5);
    int ok = sfi_call(all[live - 1], "nothing", "I:I", &x, &ret) == SFI_OK &&
             ret.i64 == 5;
    printf("last instance callable: %s\n", ok ? "yes" : "no");
  }
  for (long i = 0; i < live; i++)
    sfi_instance_free(all[i]);
  sfi_module_free(m);
  return 0;
}
