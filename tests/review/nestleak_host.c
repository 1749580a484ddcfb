/* nestleak_host.c (review4): who can read the dead native-stack frames in
 * which instance V (the victim) handled a secret?
 *   nested: the attacker instance A calls the granted import host_nest;
 *           the host calls V's keep(secret) from there (a nested call, an
 *           honest pattern: one plugin's callback served by another);
 *           then A's next call reads the native stack;
 *   reset:  V runs keep(secret), the host resets V (new tenant) and calls
 *           it again: the old run's frames are still there;
 *   reuse:  V runs keep(secret) and is freed; the next instance of the
 *           module takes V's kept region (instance.c warm_take): must see
 *           nothing (held: a new uid drops the stack).
 *   usage: nestleak_host MODULE.so nested|reset|reuse
 *   exit 1 if the reader saw the secret */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "review_host.h"
#include "sfi.h"
#include "sfi_abi.h"

#define SECRET 0x5ec7e75ec7e70004ULL
#define WORDS 7680

static sfi_instance *victim;

static void host_nest(void) {
  sfi_val s = SFI_I64(SECRET);
  if (sfi_call(victim, "keep", "I:v", &s, NULL) != SFI_OK)
    printf("nested call failed: %s\n", sfi_errmsg());
}

static uint64_t writable(sfi_instance *in, uint64_t len) {
  for (uint64_t a = sfi_region_base(in) + SFI_REGION_SIZE;
       a > sfi_region_base(in); a -= 1 << 16)
    if (sfi_ptr(in, a - len, len, 1))
      return a - len;
  return 0;
}

static int peek(sfi_instance *r, const char *what) {
  static uint64_t seen[WORDS];
  uint64_t buf = writable(r, sizeof seen);
  sfi_val p = SFI_PTR(buf);
  if (!buf || sfi_call(r, "peekbig", "p:v", &p, NULL) != SFI_OK ||
      sfi_copy_out(r, seen, buf, sizeof seen) != SFI_OK) {
    printf("peek failed: %s\n", sfi_errmsg());
    return 0;
  }
  int n = 0;
  for (int i = 0; i < WORDS; i++)
    n += seen[i] == SECRET;
  printf("%s: the reader saw the victim's secret in %d of %d native stack "
         "words\n", what, n, WORDS);
  return n;
}

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  sfi_import imps[] = {{"host_nest", ":v", (void *)host_nest}, {0}};
  sfi_module *m = review_load(argv[1], imps);
  sfi_val s = SFI_I64(SECRET);
  if (!strcmp(argv[2], "nested")) {
    sfi_instance *a = sfi_instance_new(m, NULL);
    victim = sfi_instance_new(m, NULL);
    if (!a || !victim)
      return printf("instance refused: %s\n", sfi_errmsg()), 0;
    uint64_t buf = writable(a, 64), z[8];
    sfi_val p = SFI_PTR(buf);
    if (sfi_call(a, "callout", "p:v", &p, NULL) != SFI_OK ||
        sfi_copy_out(a, z, buf, sizeof z) != SFI_OK)
      return printf("callout failed: %s\n", sfi_errmsg()), 0;
    int lanes = 0;
    for (int i = 0; i < 8; i++)
      lanes += z[i] == SECRET;
    printf("nested: %d zmm16 lanes of the victim's secret after the import "
           "returned into A\n", lanes);
    return (peek(a, "nested (attacker A after V ran inside A's import)") |
            lanes) != 0;
  }
  if (!strcmp(argv[2], "reset")) {
    victim = sfi_instance_new(m, NULL);
    if (!victim)
      return printf("instance refused: %s\n", sfi_errmsg()), 0;
    sfi_call(victim, "keep", "I:v", &s, NULL);
    if (sfi_instance_reset(victim) != SFI_OK)
      return printf("reset failed: %s\n", sfi_errmsg()), 0;
    return peek(victim, "reset (same instance after sfi_instance_reset)") != 0;
  }
  if (!strcmp(argv[2], "reuse")) {
    victim = sfi_instance_new(m, NULL);
    if (!victim)
      return printf("instance refused: %s\n", sfi_errmsg()), 0;
    uint64_t base = sfi_region_base(victim);
    sfi_call(victim, "keep", "I:v", &s, NULL);
    sfi_instance_free(victim);
    sfi_instance *n = sfi_instance_new(m, NULL);
    if (!n)
      return printf("instance refused: %s\n", sfi_errmsg()), 0;
    printf("reuse: region %s\n",
           sfi_region_base(n) == base ? "reused" : "not reused");
    return peek(n, "reuse (next instance in the freed instance's region)") != 0;
  }
  return 2;
}
