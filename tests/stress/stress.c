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
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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

static int violations;
#define VIOLATION(...)                                                      \
  do {                                                                      \
    violations++;                                                           \
    fprintf(stderr, "VIOLATION: ");                                         \
    fprintf(stderr, __VA_ARGS__);                                           \
    fputc('\n', stderr);                                                    \
  } while (0)

static sfi_instance *A, *B;
static uint64_t a_base, heap, b_canary;

/* ---- canaries ------------------------------------------------------------ */
struct canary {
  const char *name;
  uint8_t *p;
  uint8_t want[PAGE];
};
static struct canary can[4];
static int ncan;
static uint8_t b_want[PAGE];

static void add_canary(const char *name, void *p) {
  if (!p)
    return;
  struct canary *c = &can[ncan++];
  c->name = name;
  c->p = p;
  for (size_t i = 0; i < PAGE; i++)
    c->want[i] = (uint8_t)rnd();
  memcpy(p, c->want, PAGE);
}

static void check_world(const char *fn, int call) {
  for (int i = 0; i < ncan; i++)
    if (memcmp(can[i].p, can[i].want, PAGE) != 0) {
      VIOLATION("%s call %d: canary %s at %p changed", fn, call, can[i].name,
                (void *)can[i].p);
      memcpy(can[i].p, can[i].want, PAGE);
    }
  uint8_t got[PAGE];
  if (sfi_copy_out(B, got, b_canary, PAGE) != SFI_OK ||
      memcmp(got, b_want, PAGE) != 0) {
    VIOLATION("%s call %d: the canary in instance B changed", fn, call);
    sfi_copy_in(B, b_canary, b_want, PAGE);
  }
}

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
  case 13: return (uint64_t)can[rnd() % (uint64_t)ncan].p + (rnd() % PAGE);
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
  if (rc == SFI_TRAP_OOB) {
    uint64_t fa = monitor_fault_addr(sfi_errmsg());
    /* A general-protection fault (an aligned vector access at a misaligned
     * address, or a non-canonical address) has no fault address: the kernel
     * reports 0 and nothing was accessed. Counted apart. */
    if (fa == 0 && strstr(sfi_errmsg(), "(SIGSEGV) at 0x0 ")) {
      counts[N_OOB]--;
      counts[N_GP]++;
    } else if (fa < a_base || fa >= a_base + SFI_REGION_SIZE + SFI_GUARD_SIZE)
      VIOLATION("%s call %d: fault address 0x%" PRIx64 " outside the region "
                "0x%" PRIx64 " and its guard: %s", fn, call, fa, a_base,
                sfi_errmsg());
  }
  check_world(fn, call);
  sfi_val x[2] = {SFI_I32(20), SFI_I32(22)}, r;
  if (sfi_call(B, "add", "ii:i", x, &r) != SFI_OK || r.i32 != 42)
    VIOLATION("%s call %d: bystander broken: %s", fn, call, sfi_errmsg());
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
  add_canary("below-region", monitor_page_near(a_base - PAGE, -1));
  add_canary("above-region",
             monitor_page_near(a_base + SFI_REGION_SIZE, 1));
  add_canary("host-heap", aligned_alloc(PAGE, PAGE));
  add_canary("host-mmap", mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
                               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  b_canary = sfi_malloc(B, PAGE);
  for (size_t i = 0; i < PAGE; i++)
    b_want[i] = (uint8_t)rnd();
  if (!b_canary || sfi_copy_in(B, b_canary, b_want, PAGE) != SFI_OK ||
      fill_heap() != 0)
    return 1;
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
  printf("; %d violations\n", violations);
  sfi_instance_free(A);
  sfi_instance_free(B);
  return violations || !nfn ? 1 : 0;
}
