/* stress.c: the monitor of the random-program tests. Runs every llvm-stress
 * function of a batch module (void autogen_SD<seed>(ptr, ptr, ptr, i32, i64,
 * i8)) in an instance whose heap is filled with random bytes, with pointer
 * arguments aimed at random places (the heap, anywhere in the region, the
 * region's edges, host canaries, random 64-bit values), and checks after
 * every call: the outcome is SFI_OK or a trap, every canary outside the
 * region (just below it, above it, in another instance, host heap/mmap) is
 * unchanged, each out-of-bounds fault address (parsed from sfi_errmsg(), the
 * only place the runtime reports it) lies in the region or the guard above
 * it, and the bystander instance still answers.
 *   usage: stress BATCH.so SEEDS.txt [CALLS_PER_FUNCTION [RNG_SEED]] */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sfi.h"
#include "sfi_abi.h"
#include "../common/monitor.h"

#define PAGE 4096ULL
#define HEAP_FILL (4ULL << 20)

static uint64_t rng_state;
static uint64_t rnd(void) {
  uint64_t x = rng_state;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return rng_state = x;
}

static char prefix[] = "VIOLATION: ";
static struct monitor mon = {.prefix = prefix};
#define VIOLATION(...) monitor_fail(&mon, __VA_ARGS__)

static sfi_instance *A, *B;
static uint64_t a_base, heap;

/* ---- canaries (the monitor's) --------------------------------------------- */
static void fill_random(uint8_t *want, int id) {
  (void)id;
  for (size_t i = 0; i < PAGE; i++)
    want[i] = (uint8_t)rnd();
}
/* The host canaries, in the order below, above, host-heap, host-mmap. */
static uint64_t host_can[MONITOR_CANARIES];
static int nhost;

/* ---- the sandbox's random memory ---------------------------------------- */
static int fill_heap(void) {
  heap = sfi_malloc(A, HEAP_FILL);
  uint64_t *p = heap ? sfi_ptr(A, heap, HEAP_FILL, 1) : NULL;
  if (!p) {
    fprintf(stderr, "cannot fill the heap: %s\n", sfi_errmsg());
    return -1;
  }
  for (uint64_t i = 0; i < HEAP_FILL / 8; i++)
    p[i] = rnd();
  return 0;
}

/* Where pointer arguments point: mostly the random heap, but also anywhere
 * in the region, its edges, host canaries and arbitrary values. */
static uint64_t random_place(void) {
  uint64_t r = rnd();
  switch (r % 16) {
  case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7: case 8:
  case 9: /* inside the random heap */
    return heap + rnd() % (HEAP_FILL - 4096);
  case 10: return a_base + (rnd() & SFI_OFFSET_MASK); /* anywhere in region */
  case 11: return a_base + SFI_REGION_SIZE - 1 - (rnd() % 4096); /* top */
  case 12: return a_base + (rnd() % (2 * SFI_GUARD_SIZE)); /* bottom */
  case 13: return host_can[rnd() % (uint64_t)nhost] + (rnd() % PAGE);
  case 14: return r & 16 ? rnd() : 0; /* any 64-bit value, or NULL */
  default: return heap + HEAP_FILL - (rnd() % 64); /* the heap's end */
  }
}

static uint64_t random_pointer(void) {
  uint64_t p = random_place();
  /* Mostly vector-aligned, so that aligned vector accesses get through. */
  return rnd() % 4 ? p & ~63ULL : p;
}

static int64_t random_int(void) {
  uint64_t r = rnd();
  switch (r % 4) {
  case 0: return 0;
  case 1: return (int64_t)(r >> 60) - 8;
  case 2: return (int64_t)rnd();
  default: return (int64_t)(rnd() % 1000);
  }
}

enum { N_OK, N_OOB, N_STACK, N_DIV, N_ILL, N_BRK, N_ABORT, N_TIMEOUT, N_FPE,
       N_OTHER, N_GP, N_KINDS };
static const char *kind_name[N_KINDS] = {"ok", "oob", "stack", "div",
                                          "illegal", "break", "abort",
                                          "timeout", "fpe", "other",
                                          "oob-no-address"};
static long counts[N_KINDS];

static int kind(int rc) {
  switch (rc) {
  case SFI_OK: return N_OK;
  case SFI_TRAP_OOB: return N_OOB;
  case SFI_TRAP_STACK: return N_STACK;
  case SFI_TRAP_DIV: return N_DIV;
  case SFI_TRAP_ILLEGAL: return N_ILL;
  case SFI_TRAP_BREAK: return N_BRK;
  case SFI_TRAP_ABORT: return N_ABORT;
  case SFI_TRAP_TIMEOUT: return N_TIMEOUT;
  case SFI_TRAP_FPE: return N_FPE;
  default: return N_OTHER;
  }
}

static int run_one(const char *fn, int call) {
  sfi_val a[6] = {SFI_I64(random_pointer()), SFI_I64(random_pointer()),
                  SFI_I64(random_pointer()), SFI_I32(random_int()),
                  SFI_I64(random_int()), SFI_I32(random_int() & 0xff)};
  int rc = sfi_call(A, fn, "pppIIi:v", a, NULL);
  int k = kind(rc);
  counts[k]++;
  if (k == N_OTHER)
    VIOLATION("%s call %d: unexpected result %d (%s)", fn, call, rc,
              sfi_errmsg());
  char what[96];
  snprintf(what, sizeof what, "%s call %d", fn, call);
  /* A general-protection fault (an aligned vector access at a misaligned
   * address, or a non-canonical address) has no fault address: the kernel
   * reports 0 and nothing was accessed. Counted apart. */
  if (rc == SFI_TRAP_OOB && monitor_check_fault(&mon, what, sfi_errmsg()) < 0) {
    counts[N_OOB]--;
    counts[N_GP]++;
  }
  monitor_check_world(&mon, what);
  if (rc != SFI_OK) {
    if (sfi_instance_reset(A) != SFI_OK) {
      VIOLATION("%s: reset failed: %s", fn, sfi_errmsg());
      return -1;
    }
    if (fill_heap() != 0)
      return -1;
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s BATCH.so SEEDS.txt [CALLS [RNG_SEED]]\n",
            argv[0]);
    return 2;
  }
  int ncalls = argc > 3 ? atoi(argv[3]) : 3;
  rng_state = argc > 4 ? strtoull(argv[4], NULL, 0) : 0x5eed5eed5eedULL;
  if (!rng_state)
    rng_state = 1;
  sfi_module *m = sfi_module_load(argv[1], NULL, NULL);
  if (!m) {
    fprintf(stderr, "%s\n", sfi_errmsg());
    return 1;
  }
  /* A short time limit: random loops often never end. */
  sfi_instance_options o = {0};
  o.time_limit = 0.05;
  A = sfi_instance_new(m, &o);
  B = sfi_instance_new(m, NULL);
  if (!A || !B) {
    fprintf(stderr, "instances: %s\n", sfi_errmsg());
    return 1;
  }
  a_base = sfi_region_base(A);
  mon.fill = fill_random;
  if (monitor_init(&mon, A, B) != 0 || fill_heap() != 0)
    return 1;
  for (int i = 0; i < mon.ncanaries; i++)
    if (!mon.canaries[i].in_b)
      host_can[nhost++] = mon.canaries[i].addr;
  FILE *f = fopen(argv[2], "r");
  if (!f) {
    perror(argv[2]);
    return 1;
  }
  int nfn = 0, seed;
  while (fscanf(f, "%d", &seed) == 1) {
    char fn[64];
    snprintf(fn, sizeof fn, "autogen_SD%d", seed);
    if (!sfi_lookup(A, fn)) {
      VIOLATION("%s missing from the batch module", fn);
      continue;
    }
    nfn++;
    for (int c = 0; c < ncalls; c++)
      if (run_one(fn, c) != 0)
        return 1;
  }
  fclose(f);
  long total = 0;
  for (int k = 0; k < N_KINDS; k++)
    total += counts[k];
  printf("stress: %d functions, %ld calls:", nfn, total);
  for (int k = 0; k < N_KINDS; k++)
    if (counts[k])
      printf(" %s %ld", kind_name[k], counts[k]);
  printf("; %d violations\n", mon.failures);
  sfi_instance_free(A);
  sfi_instance_free(B);
  return mon.failures || !nfn ? 1 : 0;
}
