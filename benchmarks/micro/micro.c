/* micro.c: libsfi microbenchmarks: the cost of a call into a sandbox and
 * back against a native indirect call (no arguments and three scalar
 * ones), of a call out to a host import, of switching instances, of
 * instance creation/reset/destruction, how calls scale from one thread to
 * two (each with its own instance), and how many idle instances fit in one
 * process and what each costs in resident memory and mappings.
 * Every time is the median of REPS runs of this thread's CPU time (user +
 * kernel: what other jobs on a loaded machine do not inflate, unlike wall
 * time); the native baseline is measured in the same run. The main thread is pinned to one CPU (--cpu, default
 * the last); the two-thread figure uses two CPUs.
 * Usage: sfi-micro MODULE.so [--quick] [--max-instances N] [--cpu N] */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "sfi.h"
#include "../../tests/common/procstat.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int pin(int cpu) {
  cpu_set_t s;
  CPU_ZERO(&s);
  CPU_SET(cpu, &s);
  return sched_setaffinity(0, sizeof s, &s);
}

/* Weak: the same program also measures an older runtime without it
 * (run.sh --baseline-lib). */
__attribute__((weak)) void sfi_release_cached(void);
static void release_cached(void) {
  if (sfi_release_cached)
    sfi_release_cached();
}

/* Bound functions (sfi_fn): weak too, the baseline runtime may lack them. */
__attribute__((weak)) sfi_fn *sfi_fn_new(sfi_instance *, uint64_t,
                                         const char *);
__attribute__((weak)) int sfi_fn_call(const sfi_fn *, const sfi_val *,
                                      sfi_val *);
__attribute__((weak)) void sfi_fn_free(sfi_fn *);

static void host_empty(void) {}

/* The native baselines: calls the compiler cannot see through. */
__attribute__((noinline)) static void native_empty(void) {
  __asm__ volatile("");
}
static void (*volatile native_fp)(void) = native_empty;
__attribute__((noinline)) static int native_add3(int a, long b, double c) {
  __asm__ volatile("");
  return a + (int)b + (int)c;
}
static int (*volatile native_add3_fp)(int, long, double) = native_add3;
/* A call that makes one call itself: the native shape of a call in whose
 * sandbox function calls one host import. */
__attribute__((noinline)) static long native_outer(long n) {
  for (long i = 0; i < n; i++)
    native_fp();
  return n;
}
static long (*volatile native_outer_fp)(long) = native_outer;

static int die(const char *what) {
  fprintf(stderr, "sfi-micro: %s: %s\n", what, sfi_errmsg());
  return 1;
}

#define REPS 7
static double median(double *v, int n) {
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
      double t = v[j];
      v[j] = v[j - 1];
      v[j - 1] = t;
    }
  return v[n / 2];
}

/* Calls per second of one thread calling `empty` in its own instance. */
struct scale_arg {
  sfi_module *m;
  int cpu;
  long n;
  pthread_barrier_t *go;
  double secs, cpu_secs; /* wall and this thread's CPU time */
  int ok;
};
static double thread_cpu(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
static void *scale_thread(void *p) {
  struct scale_arg *a = p;
  pin(a->cpu);
  a->ok = 0;
  sfi_instance *in = sfi_instance_new(a->m, NULL);
  uint64_t fn = in ? sfi_lookup(in, "empty") : 0;
  /* warm up: the thread's sandbox stack, first faults */
  for (int i = 0; fn && i < 1000; i++)
    sfi_call_addr(in, fn, ":v", NULL, NULL);
  pthread_barrier_wait(a->go);
  double t0 = now(), c0 = thread_cpu();
  long bad = !fn;
  for (long i = 0; fn && i < a->n; i++)
    bad += sfi_call_addr(in, fn, ":v", NULL, NULL) != SFI_OK;
  a->secs = now() - t0;
  a->cpu_secs = thread_cpu() - c0;
  a->ok = !bad;
  sfi_instance_free(in);
  return NULL;
}

/* Total calls/s of nthreads threads on CPUs cpu0, cpu0 + 1, ...; *percpu:
 * calls per second of each thread's own CPU time (the mean), which other
 * jobs on the machine do not dilute: it stays flat if the threads do not
 * slow each other down (no shared lock or cache line on the call path). */
static double scale(sfi_module *m, int nthreads, int cpu0, int ncpu, long n,
                    int *ok, double *percpu) {
  pthread_t th[2];
  struct scale_arg a[2];
  pthread_barrier_t go;
  pthread_barrier_init(&go, NULL, (unsigned)nthreads);
  for (int i = 0; i < nthreads; i++) {
    a[i] = (struct scale_arg){m, (cpu0 + i) % ncpu, n, &go, 0, 0, 0};
    pthread_create(&th[i], NULL, scale_thread, &a[i]);
  }
  double longest = 0, cpu = 0;
  *ok = 1;
  for (int i = 0; i < nthreads; i++) {
    pthread_join(th[i], NULL);
    if (a[i].secs > longest)
      longest = a[i].secs;
    cpu += a[i].cpu_secs;
    *ok &= a[i].ok;
  }
  *percpu = cpu > 0 ? (double)n * nthreads / cpu : 0;
  pthread_barrier_destroy(&go);
  return longest > 0 ? (double)n * nthreads / longest : 0;
}

/* One figure and its native comparison on one line. */
static void vs_native(const char *what, double ns, double native) {
  printf("%s: %.1f ns (native %.2f, x%.1f)\n", what, ns, native,
         ns / native);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: sfi-micro MODULE.so [--quick] [--max-instances N] "
                    "[--cpu N]\n");
    return 2;
  }
  int quick = 0;
  long max_inst = 40000;
  int ncpu = (int)sysconf(_SC_NPROCESSORS_ONLN);
  int cpu = ncpu > 0 ? ncpu - 1 : 0;
  for (int i = 2; i < argc; i++) {
    if (!strcmp(argv[i], "--quick"))
      quick = 1;
    else if (!strcmp(argv[i], "--max-instances") && i + 1 < argc)
      max_inst = atol(argv[++i]);
    else if (!strcmp(argv[i], "--cpu") && i + 1 < argc)
      cpu = atoi(argv[++i]);
    else {
      fprintf(stderr, "sfi-micro: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  if (ncpu < 1)
    ncpu = 1;
  int pinned = pin(cpu) == 0;
  long n_call = quick ? 20000 : 1000000, n_life = quick ? 20 : 200;
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
  sfi_instance *in2 = sfi_instance_new(m, NULL);
  if (!in || !in2)
    return die("instance");
  uint64_t fn = sfi_lookup(in, "empty"), fn3 = sfi_lookup(in, "add3");
  uint64_t fn_2 = sfi_lookup(in2, "empty");
  if (!fn || !fn3 || !fn_2)
    return die("lookup");

  double v[REPS];
  /* Native indirect calls first, then the same shapes into the sandbox. */
  for (int r = 0; r < REPS; r++) {
    long n = n_call * 20;
    t0 = thread_cpu();
    for (long i = 0; i < n; i++)
      native_fp();
    v[r] = (thread_cpu() - t0) * 1e9 / (double)n;
  }
  double ns_native = median(v, REPS);
  volatile int sink = 0;
  for (int r = 0; r < REPS; r++) {
    long n = n_call * 20;
    t0 = thread_cpu();
    for (long i = 0; i < n; i++)
      sink += native_add3_fp((int)i, 2, 3.0);
    v[r] = (thread_cpu() - t0) * 1e9 / (double)n;
  }
  double ns_native3 = median(v, REPS);
  /* Call in and back: sfi_call_addr with a looked-up address. */
  for (int r = 0; r < REPS; r++) {
    t0 = thread_cpu();
    for (long i = 0; i < n_call; i++)
      if (sfi_call_addr(in, fn, ":v", NULL, NULL) != SFI_OK)
        return die("call empty");
    v[r] = (thread_cpu() - t0) * 1e9 / (double)n_call;
  }
  double ns_in = median(v, REPS);
  for (int r = 0; r < REPS; r++) {
    sfi_val a[3] = {SFI_I32(1), SFI_I64(2), SFI_F64(3.0)}, ret;
    t0 = thread_cpu();
    for (long i = 0; i < n_call; i++) {
      a[0].i32 = (int32_t)i;
      if (sfi_call_addr(in, fn3, "iId:i", a, &ret) != SFI_OK)
        return die("call add3");
      sink += ret.i32;
    }
    v[r] = (thread_cpu() - t0) * 1e9 / (double)n_call;
  }
  double ns_in3 = median(v, REPS);
  /* The same two through bound functions (sfi_fn_call), if present. */
  double ns_fn = 0, ns_fn3 = 0;
  if (sfi_fn_new) {
    sfi_fn *fe = sfi_fn_new(in, fn, ":v"), *f3 = sfi_fn_new(in, fn3, "iId:i");
    if (!fe || !f3)
      return die("sfi_fn_new");
    for (int r = 0; r < REPS; r++) {
      t0 = thread_cpu();
      for (long i = 0; i < n_call; i++)
        if (sfi_fn_call(fe, NULL, NULL) != SFI_OK)
          return die("sfi_fn_call empty");
      v[r] = (thread_cpu() - t0) * 1e9 / (double)n_call;
    }
    ns_fn = median(v, REPS);
    for (int r = 0; r < REPS; r++) {
      sfi_val a[3] = {SFI_I32(1), SFI_I64(2), SFI_F64(3.0)}, ret;
      t0 = thread_cpu();
      for (long i = 0; i < n_call; i++) {
        a[0].i32 = (int32_t)i;
        if (sfi_fn_call(f3, a, &ret) != SFI_OK)
          return die("sfi_fn_call add3");
        sink += ret.i32;
      }
      v[r] = (thread_cpu() - t0) * 1e9 / (double)n_call;
    }
    ns_fn3 = median(v, REPS);
    sfi_fn_free(fe);
    sfi_fn_free(f3);
  }
  /* The same by name (a lookup per call). */
  for (int r = 0; r < REPS; r++) {
    t0 = thread_cpu();
    for (long i = 0; i < n_call; i++)
      if (sfi_call(in, "empty", ":v", NULL, NULL) != SFI_OK)
        return die("call empty");
    v[r] = (thread_cpu() - t0) * 1e9 / (double)n_call;
  }
  double ns_in_name = median(v, REPS);
  /* Alternating between two instances on one thread. */
  long n_alt = n_call / 20;
  for (int r = 0; r < REPS; r++) {
    t0 = thread_cpu();
    for (long i = 0; i < n_alt; i++)
      if (sfi_call_addr((i & 1) ? in2 : in, (i & 1) ? fn_2 : fn, ":v", NULL,
                        NULL) != SFI_OK)
        return die("call alternating");
    v[r] = (thread_cpu() - t0) * 1e9 / (double)n_alt;
  }
  double ns_alt = median(v, REPS);
  /* Call out: one sandbox call running many import calls. */
  for (int r = 0; r < REPS; r++) {
    sfi_val a = SFI_I64(n_call * 10), ret;
    t0 = thread_cpu();
    if (sfi_call(in, "call_out", "I:I", &a, &ret) != SFI_OK)
      return die("call_out");
    v[r] = (thread_cpu() - t0) * 1e9 / (double)(n_call * 10);
  }
  double ns_out = median(v, REPS);
  /* A call in whose function makes one import (call_out(1)). */
  uint64_t fo = sfi_lookup(in, "call_out");
  if (!fo)
    return die("lookup call_out");
  for (int r = 0; r < REPS; r++) {
    sfi_val one = SFI_I64(1), ret;
    t0 = thread_cpu();
    for (long i = 0; i < n_call; i++)
      if (sfi_call_addr(in, fo, "I:I", &one, &ret) != SFI_OK)
        return die("call_out(1)");
    v[r] = (thread_cpu() - t0) * 1e9 / (double)n_call;
  }
  double ns_in_out = median(v, REPS);
  for (int r = 0; r < REPS; r++) {
    long n = n_call * 20;
    t0 = thread_cpu();
    for (long i = 0; i < n; i++)
      sink += (int)native_outer_fp(1);
    v[r] = (thread_cpu() - t0) * 1e9 / (double)n;
  }
  double ns_native_io = median(v, REPS);

  /* The native comparison for the life cycle: what the kernel charges for
   * a fresh private mapping (8 MiB, like an instance's data and shadow
   * stack, with one page touched) made and dropped. */
  double vm_[REPS];
  for (int r = 0; r < REPS; r++) {
    t0 = thread_cpu();
    for (long i = 0; i < n_life; i++) {
      char *p = mmap(NULL, 8 << 20, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
      if (p == MAP_FAILED)
        return die("mmap");
      p[0] = 1;
      munmap(p, 8 << 20);
    }
    vm_[r] = (thread_cpu() - t0) * 1e6 / (double)n_life;
  }
  double us_mmap = median(vm_, REPS);

  /* Instance life cycle: n_life instances per run, REPS runs. */
  sfi_instance **tmp = malloc(sizeof *tmp * (size_t)n_life);
  if (!tmp)
    return 1;
  double vn[REPS], vr[REPS], vf[REPS], vw[REPS], vd[REPS];
  for (int r = 0; r < REPS; r++) {
    /* cold: no region kept from a freed instance. What the frees of the
     * round before kept is dropped here, timed apart (per instance freed:
     * the cost free deferred, a region unmapped for each one kept). */
    t0 = thread_cpu();
    release_cached();
    vd[r] = (thread_cpu() - t0) * 1e6 / (double)n_life;
    t0 = thread_cpu();
    for (long i = 0; i < n_life; i++)
      if (!(tmp[i] = sfi_instance_new(m, NULL)))
        return die("instance_new");
    vn[r] = (thread_cpu() - t0) * 1e6 / (double)n_life;
    sfi_val big = SFI_I64(1 << 20);
    for (long i = 0; i < n_life; i++)
      if (sfi_call(tmp[i], "touch_heap", "I:I", &big, NULL) != SFI_OK)
        return die("touch_heap");
    t0 = thread_cpu();
    for (long i = 0; i < n_life; i++)
      if (sfi_instance_reset(tmp[i]) != SFI_OK)
        return die("reset");
    vr[r] = (thread_cpu() - t0) * 1e6 / (double)n_life;
    t0 = thread_cpu();
    for (long i = 0; i < n_life; i++)
      sfi_instance_free(tmp[i]);
    vf[r] = (thread_cpu() - t0) * 1e6 / (double)n_life;
    /* new + free in turn: the region freed just before is taken again */
    t0 = thread_cpu();
    for (long i = 0; i < n_life; i++) {
      sfi_instance *x = sfi_instance_new(m, NULL);
      if (!x)
        return die("instance_new (churn)");
      sfi_instance_free(x);
    }
    vw[r] = (thread_cpu() - t0) * 1e6 / (double)n_life;
  }
  free(tmp);
  double us_new = median(vn, REPS), us_reset = median(vr, REPS);
  double us_free = median(vf, REPS), us_churn = median(vw, REPS);
  double us_drop = median(vd + 1, REPS - 1); /* round 0 drops nothing */

  /* Scale over threads: each thread calls its own instance. */
  long n_th = quick ? 20000 : 2000000;
  int ok1 = 1, ok2 = 1;
  double cps1 = 0, cps2 = 0, pc1 = 0, pc2 = 0;
  for (int r = 0; r < (quick ? 1 : 3); r++) {
    int o1, o2;
    double p1, p2;
    double c1 = scale(m, 1, cpu, ncpu, n_th, &o1, &p1);
    double c2 = scale(m, 2, cpu + 1, ncpu, n_th, &o2, &p2);
    ok1 &= o1;
    ok2 &= o2;
    if (c1 > cps1)
      cps1 = c1;
    if (c2 > cps2)
      cps2 = c2;
    if (p1 > pc1)
      pc1 = p1;
    if (p2 > pc2)
      pc2 = p2;
  }
  if (!ok1 || !ok2)
    return die("threads");
  pin(cpu);

  /* Scale: idle instances until the runtime refuses one (or max_inst). */
  release_cached();
  sfi_instance **all = malloc(sizeof *all * (size_t)max_inst);
  if (!all)
    return 1;
  long rss0 = procstat_rss_kib(), maps0 = procstat_map_count(), live = 0;
  char why[512] = "reached --max-instances";
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
  long rss1 = procstat_rss_kib(), maps1 = procstat_map_count();
  /* Each live instance still works. */
  long okcalls = 0, sampled = 0;
  for (long i = 0; i < live; i += (live / 100 + 1), sampled++)
    okcalls += sfi_call_addr(all[i], sfi_lookup(all[i], "empty"), ":v", NULL,
                             NULL) == SFI_OK;
  for (long i = 0; i < live; i++)
    sfi_instance_free(all[i]);
  free(all);
  sfi_instance_free(in);
  sfi_instance_free(in2);
  sfi_module_free(m);

  printf("pinned to CPU %d: %s; medians of %d runs (thread CPU time)\n", cpu,
         pinned ? "yes" : "no", REPS);
  printf("module load: %.1f us\n", t_load * 1e6);
  /* Every figure with its native comparison on the same line. */
  printf("native indirect call: %.2f ns\n", ns_native);
  printf("native indirect call (int, long, double):int: %.2f ns\n",
         ns_native3);
  vs_native("call in+back (sfi_call_addr, empty export)", ns_in, ns_native);
  vs_native("call in+back (sfi_call_addr, \"iId:i\")", ns_in3, ns_native3);
  if (ns_fn > 0) {
    vs_native("call in+back (sfi_fn_call, empty export)", ns_fn, ns_native);
    vs_native("call in+back (sfi_fn_call, \"iId:i\")", ns_fn3, ns_native3);
  } else {
    printf("call in+back (sfi_fn_call): not in this runtime\n");
  }
  vs_native("call in+back by name (sfi_call)", ns_in_name, ns_native);
  printf("ratio call in / native call: %.1f\n", ns_in / ns_native);
  vs_native("call in alternating between two instances", ns_alt, ns_native);
  printf("call out (sandbox -> empty host import -> back): %.1f ns (native "
         "%.2f, +%.1f)\n",
         ns_out, ns_native, ns_out - ns_native);
  printf("ratio call out / native call: %.1f\n", ns_out / ns_native);
  printf("call in making one import (sfi_call_addr, call_out(1)): %.1f ns "
         "(native call making one call %.2f, x%.1f)\n",
         ns_in_out, ns_native_io, ns_in_out / ns_native_io);
  printf("native: 8 MiB private mapping made, one page touched, unmapped: "
         "%.1f us\n",
         us_mmap);
  printf("instance new (cold: region from the pool): %.1f us (native mapping "
         "%.1f)\n",
         us_new, us_mmap);
  printf("instance reset (after 1 MiB heap use): %.1f us (native mapping "
         "%.1f)\n",
         us_reset, us_mmap);
  printf("instance free: %.1f us (native mapping %.1f)\n", us_free, us_mmap);
  printf("kept regions dropped later (sfi_release_cached, per instance "
         "freed): %.1f us\n",
         us_drop);
  printf("instance new + free in turn (region kept by free, reused): %.1f us "
         "(native mapping %.1f)\n",
         us_churn, us_mmap);
  printf("calls/s, 1 thread: %.3g; 2 threads (own instances, 2 CPUs): %.3g "
         "(x%.2f; best of runs, wall clock; native: %.3g)\n",
         cps1, cps2, cps1 > 0 ? cps2 / cps1 : 0, 1e9 / ns_native);
  printf("calls per thread-CPU-second, 1 thread: %.3g; each of 2 threads: "
         "%.3g (x%.2f)\n",
         pc1, pc2, pc1 > 0 ? pc2 / pc1 : 0);
  printf("live instances: %ld (%s) in %.2f s\n", live, why, t_scale);
  printf("RSS per idle instance: %.1f KiB (total %ld KiB)\n",
         live ? (double)(rss1 - rss0) / (double)live : 0.0, rss1 - rss0);
  {
    long mmc = procstat_max_map_count();
    printf("vm.max_map_count: %ld (mappings per process; bounds the instance "
           "count)\n",
           mmc);
  }
  printf("memory maps per instance: %.1f\n",
         live ? (double)(maps1 - maps0) / (double)live : 0.0);
  printf("live instances answering a call: %ld of %ld sampled\n", okcalls,
         sampled);
  (void)sink;
  if (okcalls != sampled)
    return 1;
  return 0;
}
