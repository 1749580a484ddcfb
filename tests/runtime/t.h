/* t.h: tiny assertion helpers for the runtime's C tests (ctest). A failed
 * CHECK prints the line and the runtime's last message and fails the test
 * at exit. */
#ifndef SFI_T_H
#define SFI_T_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sfi.h"
#include "../common/procstat.h"

static int t_failures, t_checks;

#define CHECK(c)                                                               \
  do {                                                                         \
    t_checks++;                                                                \
    if (!(c)) {                                                                \
      t_failures++;                                                            \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n  last error: %s\n", __FILE__, \
              __LINE__, #c, sfi_errmsg());                                     \
    }                                                                          \
  } while (0)

#define CHECK_EQ(a, b)                                                         \
  do {                                                                         \
    long long a_ = (long long)(a), b_ = (long long)(b);                        \
    t_checks++;                                                                \
    if (a_ != b_) {                                                            \
      t_failures++;                                                            \
      fprintf(stderr,                                                          \
              "%s:%d: CHECK_EQ failed: %s == %lld, %s == %lld\n"               \
              "  last error: %s\n",                                            \
              __FILE__, __LINE__, #a, a_, #b, b_, sfi_errmsg());               \
    }                                                                          \
  } while (0)

#define CHECK_MSG(sub)                                                         \
  do {                                                                         \
    t_checks++;                                                                \
    if (!strstr(sfi_errmsg(), sub)) {                                          \
      t_failures++;                                                            \
      fprintf(stderr, "%s:%d: message lacks \"%s\": %s\n", __FILE__, __LINE__, \
              sub, sfi_errmsg());                                              \
    }                                                                          \
  } while (0)

static inline int t_done(const char *name) {
  fprintf(stderr, "%s: %d checks, %d failed\n", name, t_checks, t_failures);
  return t_failures ? 1 : 0;
}

static inline void *t_read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  void *p = malloc((size_t)n);
  if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
    free(p);
    p = NULL;
  }
  fclose(f);
  *size = (size_t)n;
  return p;
}

/* Mappings the runtime makes and must undo: module memfds and anonymous
 * executable pages (thunks); also how much PROT_NONE-free address space
 * lies in 4 GiB-aligned regions. Other mappings belong to malloc/ASan. */
static inline int t_maps(void) {
  FILE *f = fopen("/proc/self/maps", "r");
  char line[512];
  int n = 0;
  while (fgets(line, sizeof line, f)) {
    char perm[8] = "", path[256] = "";
    unsigned long lo, hi, off, ino;
    char dev[16];
    if (sscanf(line, "%lx-%lx %7s %lx %15s %lu %255s", &lo, &hi, perm, &off,
               dev, &ino, path) < 6)
      continue;
    if (strstr(path, "memfd:") || (perm[2] == 'x' && !path[0]) ||
        (perm[0] != '-' && !path[0] && lo >= 0x100000000000UL &&
         (lo & 0xffffffffUL) == 0x100000UL))
      n++; /* a module image mapped at a region's image offset */
  }
  fclose(f);
  return n;
}

static inline int t_fds(void) {
  int n = 0;
  char p[64];
  for (int i = 0; i < 1024; i++) {
    snprintf(p, sizeof p, "/proc/self/fd/%d", i);
    char l[256];
    n += readlink(p, l, sizeof l) > 0;
  }
  return n;
}

/* The four imports modules/tmod.c declares, in one table for every test:
 * T_TMOD_IMPORTS(name, twice, depth, reenter, block) defines
 * `static const sfi_import name[]` binding host_twice, host_depth,
 * host_reenter and host_block ("I:I") to the given host functions. */
#define T_TMOD_IMPORTS(name, twice, depth, reenter, block)                     \
  static const sfi_import name[] = {                                           \
      {"host_twice", "I:I", (void *)(twice)},                                  \
      {"host_depth", "I:I", (void *)(depth)},                                  \
      {"host_reenter", "I:I", (void *)(reenter)},                              \
      {"host_block", "I:I", (void *)(block)},                                  \
      {NULL, NULL, NULL}}

#endif
