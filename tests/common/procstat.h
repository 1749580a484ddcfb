/* procstat.h: what a test or benchmark reads about its own process from
 * /proc: resident memory, the number of mappings and their limit. Header-only, for the
 * runtime tests (tests/runtime/t.h and its tests) and the microbenchmarks
 * (benchmarks/micro/micro.c). */
#ifndef SFI_TESTS_PROCSTAT_H
#define SFI_TESTS_PROCSTAT_H
#include <stdio.h>
#include <unistd.h>

/* Resident memory in KiB (/proc/self/statm), or -1. */
static inline long procstat_rss_kib(void) {
  FILE *f = fopen("/proc/self/statm", "r");
  long size = 0, res = 0;
  if (!f)
    return -1;
  if (fscanf(f, "%ld %ld", &size, &res) != 2)
    res = -1;
  fclose(f);
  return res < 0 ? -1 : res * (sysconf(_SC_PAGESIZE) / 1024);
}

/* The number of mappings (lines of /proc/self/maps); 0 if unreadable. */
static inline long procstat_map_count(void) {
  FILE *f = fopen("/proc/self/maps", "r");
  long n = 0;
  int c;
  while (f && (c = fgetc(f)) != EOF)
    n += c == '\n';
  if (f)
    fclose(f);
  return n;
}

/* The kernel's per-process mapping limit (vm.max_map_count), or -1. */
static inline long procstat_max_map_count(void) {
  long limit = -1;
  FILE *f = fopen("/proc/sys/vm/max_map_count", "r");
  if (f) {
    if (fscanf(f, "%ld", &limit) != 1)
      limit = -1;
    fclose(f);
  }
  return limit;
}
#endif
