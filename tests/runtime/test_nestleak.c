/* test_nestleak.c: instance B, called by the host from inside instance A's
 * import (a nested call on A's native stack), must not find A's dead
 * native-stack frames through its own uninitialized locals (review of
 * rtspeed2: 416 words leaked before the scrub ahead of a nested call into
 * another instance).
 *   usage: test_nestleak nestleak.so */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "sfi.h"
#define SECRET 0x5ec7e75ec7e7a0a0ULL
static sfi_instance *A, *B;
static uint64_t bufB;
static long found;
static long host_cb(long x) {
  (void)x;
  for (long d = 0; d < 24; d++) {
    sfi_val a[2] = {SFI_PTR(bufB), SFI_I64(d)}, r;
    if (sfi_call(B, "peek_at", "pI:I", a, &r) != SFI_OK) {
      fprintf(stderr, "B call: %s\n", sfi_errmsg());
      return -1;
    }
    static uint64_t seen[512];
    sfi_copy_out(B, seen, bufB, sizeof seen);
    for (int w = 0; w < 512; w++)
      found += seen[w] == SECRET;
  }
  return 0;
}
static const sfi_import imports[] = {{"host_cb", "I:I", (void *)host_cb}, {0, 0, 0}};
int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  sfi_module *m = sfi_module_load(argv[1], imports, NULL);
  if (!m) { fprintf(stderr, "load: %s\n", sfi_errmsg()); return 2; }
  A = sfi_instance_new(m, NULL);
  B = sfi_instance_new(m, NULL);
  sfi_val n = SFI_I64(4096), r;
  if (!A || !B || sfi_call(B, "do_sbrk", "I:I", &n, &r) != SFI_OK) { fprintf(stderr, "%s\n", sfi_errmsg()); return 2; }
  bufB = (uint64_t)r.i64;
  sfi_val s = SFI_I64((int64_t)SECRET);
  if (sfi_call(A, "a_run", "I:I", &s, &r) != SFI_OK) { fprintf(stderr, "A: %s\n", sfi_errmsg()); return 2; }
  printf("words of instance A's secret read by instance B: %ld\n", found);
  return found ? 1 : 0;
}
