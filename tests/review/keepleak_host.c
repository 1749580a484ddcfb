/* keepleak_host.c: instance A of keepleak.c fills everything writable with
 * a pattern and is freed (its region kept); B, the next instance of the
 * module (same region), and B after a reset must find the pattern nowhere.
 *   keepleak_host MODULE [mlock]
 * Prints FAIL and exits 1 on a leak. */
#include <string.h>
#include <sys/mman.h>

#include "review_host.h"

#define PAT 0x5ec7e75ec7e75ec7ULL
static int bad;

static void fill(sfi_instance *in, uint64_t pat) {
  sfi_val a = SFI_I64((int64_t)pat);
  if (sfi_call(in, "fill", "I:v", &a, NULL) != SFI_OK) {
    printf("fill: %s\n", sfi_errmsg());
    bad = 1;
  }
}
static void scan(sfi_instance *in, uint64_t pat, const char *what) {
  sfi_val a = SFI_I64((int64_t)pat), r;
  if (sfi_call(in, "scan", "I:I", &a, &r) != SFI_OK) {
    printf("%s: scan: %s\n", what, sfi_errmsg());
    bad = 1;
    return;
  }
  printf("%s: scan %#llx%s\n", what, (unsigned long long)r.i64,
         r.i64 ? "  FAIL (1 data 2 bss 4 heap 8 shadow 16 init 32 sbrk)"
               : "  clean");
  if (r.i64)
    bad = 1;
}

int main(int argc, char **argv) {
  if (argc > 2 && strcmp(argv[2], "mlock") == 0 &&
      mlockall(MCL_CURRENT | MCL_FUTURE) != 0)
    perror("mlockall");
  sfi_module *m = review_load(argv[1], NULL);
  sfi_instance_options lim = {0};
  lim.mem_limit = 64 << 20;
  lim.shadow_stack = 8 << 20;
  for (int round = 0; round < 3; round++) {
    sfi_instance *a = review_instance(m, round ? &lim : NULL);
    uint64_t base = sfi_region_base(a);
    fill(a, PAT + round);
    sfi_instance_free(a);
    sfi_instance *b = review_instance(m, round == 1 ? NULL : &lim);
    printf("round %d: region %s\n", round,
           sfi_region_base(b) == base ? "the same one" : "another one");
    scan(b, PAT + round, "new after free");
    fill(b, PAT + 7);
    if (round == 0) { /* control: the same instance does see it */
      sfi_val a = SFI_I64((int64_t)(PAT + 7)), r;
      sfi_call(b, "scan", "I:I", &a, &r);
      printf("control (no reset): scan %#llx (expect 0x1b)\n",
             (unsigned long long)r.i64);
      if (r.i64 != 0x1b)
        bad = 1;
    }
    if (sfi_instance_reset(b) != SFI_OK) {
      printf("reset: %s\n", sfi_errmsg());
      bad = 1;
    }
    scan(b, PAT + 7, "after reset");
    fill(b, PAT + 8);
    sfi_instance_free(b);
  }
  sfi_module_free(m);
  printf("%s\n", bad ? "FAIL" : "held");
  return bad;
}
