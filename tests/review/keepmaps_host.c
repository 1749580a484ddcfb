/* keepmaps_host.c: out of mappings (vm.max_map_count) with regions kept.
 * The host takes all but a few mappings with canary pages of its own
 * (alternate pages read-only), then: instances of one shadow stack size
 * are created until creation fails and freed (regions kept), instances of
 * another size are created until it fails (the kept regions must give
 * their mappings up: the retry), each filled and scanned (keepleak.c),
 * their heaps grown at the limit, reset, freed, and creation goes on,
 * alternating. The host's canaries must hold, no instance may see the
 * pattern, nothing foreign may be mapped inside a region.
 *   keepmaps_host MODULE [headroom] */
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include "review_host.h"
#include "sfi_abi.h"

#define PAT 0x5ec7e75ec7e75ec7ULL
static int bad;

static int nmaps(void) {
  FILE *f = fopen("/proc/self/maps", "r");
  int n = 0, c;
  while ((c = fgetc(f)) != EOF)
    n += c == '\n';
  fclose(f);
  return n;
}

static long maxmaps(void) {
  long v = 65530;
  FILE *f = fopen("/proc/sys/vm/max_map_count", "r");
  if (f) {
    if (fscanf(f, "%ld", &v) != 1)
      v = 65530;
    fclose(f);
  }
  return v;
}

static unsigned char *filler;
static long fpages;

static void check_canaries(const char *when) {
  for (long i = 0; i < fpages; i += 8)
    for (int k = 0; k < 64; k++)
      if (filler[i * 4096 + k] != (unsigned char)(i ^ k)) {
        printf("%s: host canary page %ld changed\n", when, i);
        bad = 1;
        return;
      }
}

#define MAXI 4096
static sfi_instance *v[MAXI];


int main(int argc, char **argv) {
  sfi_module *m = review_load(argv[1], NULL);
  int headroom = argc > 2 ? atoi(argv[2]) : 40;
  long limit = maxmaps();
  /* the host's own mappings, canaries in every 8th page */
  fpages = 2 * (limit - nmaps() - headroom) / 2 + 8;
  filler = mmap(NULL, fpages * 4096, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (filler == MAP_FAILED) {
    perror("mmap");
    return 2;
  }
  for (long i = 0; i < fpages; i += 8)
    for (int k = 0; k < 64; k++)
      filler[i * 4096 + k] = (unsigned char)(i ^ k);
  int have = nmaps();
  for (long i = 1; i < fpages && have < limit - headroom; i += 2) {
    if (mprotect(filler + i * 4096, 4096, PROT_READ) != 0)
      break;
    have += i == 1 ? 2 : 2;
    if ((i & 4095) == 1)
      have = nmaps();
  }
  printf("maps %d of %ld (headroom %d)\n", nmaps(), limit, headroom);
  sfi_val pat = SFI_I64((int64_t)PAT), r;
  sfi_instance_options s1 = {0}, s2 = {0};
  s1.shadow_stack = 1 << 20;
  s2.shadow_stack = 2 << 20;
  /* 1: a live instance's heap cannot grow while freed instances'
   * regions hold the mappings (creation gives them back, growth not) */
  {
    sfi_instance *x = review_instance(m, &s2);
    int n = 0;
    while (n < MAXI && (v[n] = sfi_instance_new(m, &s1)) != NULL)
      n++;
    int before = sfi_call(x, "scan", "I:I", &pat, &r) == SFI_OK ? (int)r.i64 : -1;
    for (int k = 0; k < n; k++)
      sfi_instance_free(v[k]);
    int after = sfi_call(x, "scan", "I:I", &pat, &r) == SFI_OK ? (int)r.i64 : -1;
    printf("live instance x, %d others created until the limit: x's sbrk "
           "%s; the %d freed: x's sbrk %s (maps %d)\n",
           n, before & 32 ? "fails" : "works", n,
           after & 32 ? "fails" : "works", nmaps());
    if (!(before & 32) || (after & 32)) {
      printf("  FAIL: the freed instances' kept regions still hold the "
             "mappings x's heap needs\n");
      bad = 1;
    }
    sfi_instance_free(x);
    sfi_release_cached();
  }
  /* 2: creation at the limit with kept regions of another size: the
   * retry after they give their mappings up */
  for (int round = 0; round < 4; round++) {
    const sfi_instance_options *o = (round & 1) ? &s2 : &s1;
    int n = 0;
    while (n < MAXI && (v[n] = sfi_instance_new(m, o)) != NULL)
      n++;
    int grown = 0, sbrk_fail = 0;
    for (int k = 0; k < n; k++) {
      if (sfi_call(v[k], "scan", "I:I", &pat, &r) != SFI_OK) {
        sbrk_fail++;
      } else if (r.i64 & ~32LL) {
        printf("round %d instance %d: pattern found %#llx\n", round, k,
               (unsigned long long)r.i64);
        bad = 1;
      } else if (r.i64 & 32) {
        sbrk_fail++;
      }
      if (sfi_call(v[k], "fill", "I:v", &pat, NULL) == SFI_OK)
        grown++;
      if ((k & 3) == 0 && sfi_instance_reset(v[k]) != SFI_OK)
        printf("round %d: reset %d: %s\n", round, k, sfi_errmsg());
    }
    check_canaries("after the round's instances");
    printf("round %d: %d instances (shadow %llu KiB), %d scans without "
           "heap room, maps %d\n",
           round, n, (unsigned long long)o->shadow_stack >> 10, sbrk_fail,
           nmaps());
    for (int k = 0; k < n; k++)
      sfi_instance_free(v[k]);
    check_canaries("after free");
  }
  sfi_release_cached();
  check_canaries("at the end");
  sfi_module_free(m);
  printf("%s\n", bad ? "FAIL" : "held");
  return bad;
}
