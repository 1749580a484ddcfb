/* sfi-verify: runs the binary verifier (runtime/verify) on a module file and
 * prints "ok" or the first violation; exit status 0 or 1 (2: unreadable).
 * --time N repeats the verification N times and prints the throughput;
 * --no-cache decodes every instruction with Zydis (testing), --no-fast
 * turns off the fast path only (benchmarks), --crosscheck decodes what the
 * fast path accepts with Zydis too and fails on any difference (testing). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "verify.h"

static uint8_t *slurp(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  size_t cap = 1 << 16, n = 0;
  uint8_t *buf = malloc(cap);
  for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
    n += got;
    if (n == cap) {
      uint8_t *b = cap < (1ULL << 31) ? realloc(buf, cap *= 2) : NULL;
      if (!b)
        free(buf);
      buf = b;
    }
  }
  fclose(f);
  *size = n;
  return buf;
}

static double now(clockid_t id) {
  struct timespec t;
  clock_gettime(id, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void report_time(const struct sfi_verify_input *in, long reps) {
  uint64_t bytes = 0;
  for (size_t i = 0; i < in->ncode; i++)
    bytes += in->code[i].end - in->code[i].start;
  double t0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
  for (long i = 0; i < reps; i++)
    sfi_verify(in, NULL);
  double dt = (now(CLOCK_MONOTONIC) - t0) / (double)reps;
  double dc = (now(CLOCK_PROCESS_CPUTIME_ID) - c0) / (double)reps;
  /* On a shared machine the CPU time is the fairer figure. */
  printf("%llu bytes of code: %.3f ms wall (%.1f MiB/s), %.3f ms cpu "
         "(%.1f MiB/s)\n",
         (unsigned long long)bytes, dt * 1e3,
         (double)bytes / dt / (1024.0 * 1024.0), dc * 1e3,
         (double)bytes / dc / (1024.0 * 1024.0));
}

int main(int argc, char **argv) {
  long reps = 0;
  int a = 1, flags = 0, quiet = 0;
  for (; a < argc - 1; a++) {
    if (strcmp(argv[a], "-q") == 0)
      quiet = 1; /* nothing on success, the error on stderr (sfi-cc) */
    else if (strcmp(argv[a], "--time") == 0 && a + 2 < argc)
      reps = atol(argv[++a]);
    else if (strcmp(argv[a], "--no-cache") == 0)
      flags |= SFI_VERIFY_NO_CACHE;
    else if (strcmp(argv[a], "--no-fast") == 0)
      flags |= SFI_VERIFY_NO_FAST;
    else if (strcmp(argv[a], "--crosscheck") == 0)
      flags |= SFI_VERIFY_CROSSCHECK;
    else
      break;
  }
  if (argc - a != 1 || reps < 0) {
    fprintf(stderr,
            "usage: sfi-verify [-q] [--time N] [--no-cache] [--no-fast] "
            "[--crosscheck] module.so\n");
    return 2;
  }
  size_t size;
  uint8_t *file = slurp(argv[a], &size);
  if (!file) {
    fprintf(stderr, "sfi-verify: %s: cannot read\n", argv[a]);
    return 2;
  }
  /* a program sfi-cc linked: the module sits before the file's trailer */
  size_t msize;
  long skip = sfi_verify_program(file, size, &msize);
  if (skip < 0) {
    fprintf(quiet ? stderr : stdout,
            "%s: bad module file: a program whose trailer does not describe "
            "its module\n", argv[a]);
    free(file);
    return 1;
  }
  if (skip > 0) {
    memmove(file, file + skip, msize);
    size = msize;
  }
  struct sfi_verify_elf v;
  char why[256];
  int rc = sfi_verify_elf_read(file, size, &v, why, sizeof why);
  free(file);
  FILE *msg = quiet ? stderr : stdout;
  if (rc) {
    fprintf(msg, "%s: bad module file: %s\n", argv[a], why);
    return 1;
  }
  struct sfi_verify_error err;
  unsigned uses = 0;
  v.in.flags = flags;
  v.in.uses = &uses;
  rc = sfi_verify(&v.in, &err);
  if (rc == 0 && !quiet) {
    printf(skip > 0 ? "ok (the module; the program's launcher before it is "
                      "not checked)\n"
                    : "ok\n");
    /* what the transitions clear for it (runtime/enter.S) */
    if (uses)
      printf("state: its code can touch%s%s\n",
             uses & SFI_USES_X87 ? " x87/MMX" : "",
             uses & SFI_USES_AVX512 ? " AVX-512" : "");
  }
  else if (rc != 0) {
    char line[512];
    sfi_verify_format(&err, line, sizeof line);
    fprintf(msg, "%s: %s\n", argv[a], line);
  }
  if (rc == 0 && reps)
    report_time(&v.in, reps);
  sfi_verify_elf_free(&v);
  return rc ? 1 : 0;
}
