/* micro.c: libsfi microbenchmarks: the cost of a call into a sandbox and
 * back against a native indirect call, of a call out to a host import,
 * of instance creation/reset/destruction, and how many idle instances fit
 * in one process and what each costs in resident memory.
 * Usage: sfi-micro MODULE.so [--quick] [--max-instances N] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sfi.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static long rss_kb(void) {
  FILE *f = fopen("/proc/self/statm", "r");
  long size = 0, res = 0;
  if (!f)
    return -1;
  if (fscanf(f, "%ld %ld", &size, &res) != 2)
    res = -1;
  fclose(f);
  return res < 0 ? -1 : res * (sysconf(_SC_PAGESIZE) / 1024);
}

static long map_count(void) {
  FILE *f = fopen("/proc/self/maps", "r");
  long n = 0;
  int c;
  if (!f)
    return -1;
  while ((c = fgetc(f)) != EOF)
    n += c == '\n';
  fclose(f);
  return n;
}

static void host_empty(void) {}

/* The native baseline: an indirect call the compiler cannot see through. */
__attribute__((noinline)) static void native_empty(void) {
  __asm__ volatile("");
}
static void (*volatile native_fp)(void) = native_empty;

static int die(const char *what) {
  fprintf(stderr, "sfi-micro: %s: %s\n", what, sfi_errmsg());
  return 1;
}

/* Median of k repetitions of a timed loop, in ns per iteration. */
#define REPS 5
static double median(double *v, int n) {
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
      double t = v[j];
      v[j] = v[j - 1];
      v[j - 1] = t;
    }
  return v[n / 2];
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: sfi-micro MODULE.so [--quick] [--max-instances N]\n");
    return 2;
  }
  int quick = 0;
  long max_inst = 20000;
  for (int i = 2; i < argc; i++) {
    if (!strcmp(argv[i], "--quick"))
      quick = 1;
    else if (!strcmp(argv[i], "--max-instances") && i + 1 < argc)
      max_inst = atol(argv[++i]);
    else {
      fprintf(stderr, "sfi-micro: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  long n_call = quick ? 20000 : 2000000, n_life = quick ? 20 : 300;
  if (quick && max_inst > 200)
    max_inst = 200;
  const sfi_import imps[] = {{"host_empty", ":v", (void *)host_empty},
                             {NULL, NULL, NULL}};
  double t0 = now();
  sfi_module *m = sfi_module_load(argv[1], imps, NULL);
  if (!m)
    return die("load");
  double t_load = now() - t0;
  sfi_instance *in = sfi_instance_new(m, NULL);
  if (!in)
    return die("instance");
  uint64_t fn = sfi_lookup(in, "empty");
  if (!fn)
    return die("lookup empty");

  double v[REPS];
  /* Call in and back: sfi_call_addr with a looked-up address. */
  for (int r = 0; r < REPS; r++) {
    t0 = now();
    for (long i = 0; i < n_call; i++)
      if (sfi_call_addr(in, fn, ":v", NULL, NULL) != SFI_OK)
        return die("call empty");
    v[r] = (now() - t0) * 1e9 / (double)n_call;
  }
  double ns_in = median(v, REPS);
  /* The same by name (a lookup per call). */
  for (int r = 0; r < REPS; r++) {
    t0 = now();
    for (long i = 0; i < n_call; i++)
      if (sfi_call(in, "empty", ":v", NULL, NULL) != SFI_OK)
        return die("call empty");
    v[r] = (now() - t0) * 1e9 / (double)n_call;
  }
  double ns_in_name = median(v, REPS);
  /* Native indirect call. */
  for (int r = 0; r < REPS; r++) {
    long n = n_call * 50;
    t0 = now();
    for (long i = 0; i < n; i++)
      native_fp();
    v[r] = (now() - t0) * 1e9 / (double)n;
  }
  double ns_native = median(v, REPS);
  /* Call out: one sandbox call running n_call import calls. */
  for (int r = 0; r < REPS; r++) {
    sfi_val a = SFI_I64(n_call * 10), ret;
    t0 = now();
    if (sfi_call(in, "call_out", "I:I", &a, &ret) != SFI_OK)
      return die("call_out");
    v[r] = (now() - t0) * 1e9 / (double)(n_call * 10);
  }
  double ns_out = median(v, REPS);

  /* Instance life cycle. */
  sfi_instance **tmp = malloc(sizeof *tmp * (size_t)n_life);
  if (!tmp)
    return 1;
  t0 = now();
  for (long i = 0; i < n_life; i++)
    if (!(tmp[i] = sfi_instance_new(m, NULL)))
      return die("instance_new");
  double us_new = (now() - t0) * 1e6 / (double)n_life;
  sfi_val big = SFI_I64(1 << 20);
  for (long i = 0; i < n_life; i++)
    if (sfi_call(tmp[i], "touch_heap", "I:I", &big, NULL) != SFI_OK)
      return die("touch_heap");
  t0 = now();
  for (long i = 0; i < n_life; i++)
    if (sfi_instance_reset(tmp[i]) != SFI_OK)
      return die("reset");
  double us_reset = (now() - t0) * 1e6 / (double)n_life;
  t0 = now();
  for (long i = 0; i < n_life; i++)
    sfi_instance_free(tmp[i]);
  double us_free = (now() - t0) * 1e6 / (double)n_life;
  free(tmp);

  /* Scale: idle instances until the runtime refuses one (or max_inst). */
  sfi_instance **all = malloc(sizeof *all * (size_t)max_inst);
  if (!all)
    return 1;
  long rss0 = rss_kb(), maps0 = map_count(), live = 0;
  char why[256] = "reached --max-instances";
  t0 = now();
  while (live < max_inst) {
    sfi_instance *x = sfi_instance_new(m, NULL);
    if (!x) {
      snprintf(why, sizeof why, "%s", sfi_errmsg());
      break;
    }
    all[live++] = x;
  }
  double t_scale = now() - t0;
  long rss1 = rss_kb(), maps1 = map_count();
  /* Each live instance still works. */
  long okcalls = 0, sampled = 0;
  for (long i = 0; i < live; i += (live / 100 + 1), sampled++)
    okcalls += sfi_call_addr(all[i], sfi_lookup(all[i], "empty"), ":v", NULL,
                             NULL) == SFI_OK;
  for (long i = 0; i < live; i++)
    sfi_instance_free(all[i]);
  free(all);
  sfi_instance_free(in);
  sfi_module_free(m);

  printf("module load: %.1f us\n", t_load * 1e6);
  printf("call in+back (sfi_call_addr, empty export): %.1f ns\n", ns_in);
  printf("call in+back by name (sfi_call): %.1f ns\n", ns_in_name);
  printf("native indirect call: %.2f ns\n", ns_native);
  printf("ratio call in / native call: %.1f\n", ns_in / ns_native);
  printf("call out (sandbox -> empty host import -> back): %.1f ns\n", ns_out);
  printf("ratio call out / native call: %.1f\n", ns_out / ns_native);
  printf("instance new: %.1f us\n", us_new);
  printf("instance reset (after 1 MiB heap use): %.1f us\n", us_reset);
  printf("instance free: %.1f us\n", us_free);
  printf("live instances: %ld (%s) in %.2f s\n", live, why, t_scale);
  printf("RSS per idle instance: %.1f KiB (total %ld KiB)\n",
         live ? (double)(rss1 - rss0) / (double)live : 0.0, rss1 - rss0);
  {
    FILE *f = fopen("/proc/sys/vm/max_map_count", "r");
    long mmc = -1;
    if (f) {
      if (fscanf(f, "%ld", &mmc) != 1)
        mmc = -1;
      fclose(f);
    }
    printf("vm.max_map_count: %ld (mappings per process; bounds the instance count)\n", mmc);
  }
  printf("memory maps per instance: %.1f\n",
         live ? (double)(maps1 - maps0) / (double)live : 0.0);
  printf("live instances answering a call: %ld of %ld sampled\n", okcalls, sampled);
  if (okcalls != sampled)
    return 1;
  return 0;
}
