/* crossleak_host.c: instance A handles a secret (keep), then instance B of
 * the same module runs peek into its own memory; the host checks whether
 * B's memory now holds A's secret.
 *   usage: crossleak_host MODULE.so     exit 1 if B saw A's secret */
#include <inttypes.h>
#include <stdio.h>

#include "review_host.h"
#include "sfi.h"
#include "sfi_abi.h"

#define SECRET 0x5ec7e75ec7e70001ULL

static uint64_t writable(sfi_instance *in, uint64_t len) {
  for (uint64_t a = sfi_region_base(in) + SFI_REGION_SIZE;
       a > sfi_region_base(in); a -= 1 << 16)
    if (sfi_ptr(in, a - len, len, 1))
      return a - len;
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  sfi_module *m = review_load(argv[1], NULL);
  sfi_instance *a = sfi_instance_new(m, NULL), *b = sfi_instance_new(m, NULL);
  if (!a || !b) {
    printf("instance refused: %s\n", sfi_errmsg());
    return 0;
  }
  sfi_val s = SFI_I64(SECRET);
  sfi_call(a, "keep", "I:v", &s, NULL);
  uint64_t buf = writable(b, 8192);
  sfi_val p = SFI_PTR(buf);
  int rc = sfi_call(b, "peek", "p:v", &p, NULL);
  static uint64_t seen[(4096 + 64) / 8];
  if (rc != SFI_OK || sfi_copy_out(b, seen, buf, sizeof seen) != SFI_OK) {
    printf("call failed: %s\n", sfi_errmsg());
    return 0;
  }
  int stack = 0, vec = 0;
  for (int i = 0; i < 512; i++)
    stack += seen[i] == SECRET;
  for (int i = 512; i < 520; i++)
    vec += seen[i] == SECRET;
  printf("instance B saw A's secret in %d native stack words and %d zmm16 "
         "lanes\n", stack, vec);
  /* deeper than the part cleared in place (modules that have them) */
  int deep = 0;
  if (sfi_lookup(a, "keepdeep")) {
    sfi_call(a, "keepdeep", "I:v", &s, NULL);
    static uint64_t seen2[768];
    if (sfi_call(b, "peekdeep", "p:v", &p, NULL) != SFI_OK ||
        sfi_copy_out(b, seen2, buf, sizeof seen2) != SFI_OK) {
      printf("deep call failed: %s\n", sfi_errmsg());
      return 1;
    }
    for (int i = 0; i < 768; i++)
      deep += seen2[i] == SECRET;
    printf("and %d of 768 words of a 48 KiB frame\n", deep);
  }
  return stack || vec || deep;
}
