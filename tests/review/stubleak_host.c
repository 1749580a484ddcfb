/* stubleak_host.c: runs stubleak.s's attack() and checks whether the value
 * it read from its own import stub is a host code address (within 64 MiB
 * of the runtime's sfi_call). Exit 1 if so.
 *   usage: stubleak_host MODULE.so */
#include <stdint.h>
#include <stdio.h>

#include "review_host.h"
#include "sfi.h"

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  sfi_module *m = review_load(argv[1], NULL);
  sfi_instance *in = review_instance(m, NULL);
  sfi_val r;
  if (sfi_call(in, "attack", ":I", NULL, &r) != SFI_OK) {
    printf("call failed: %s\n", sfi_errmsg());
    return 0;
  }
  uint64_t v = (uint64_t)r.i64, h = (uint64_t)(uintptr_t)sfi_call;
  if (v && (v > h ? v - h : h - v) < (64u << 20)) {
    printf("LEAK: the sandbox read 0x%llx from its import stub: a host code "
           "address (sfi_call is at 0x%llx)\n",
           (unsigned long long)v, (unsigned long long)h);
    return 1;
  }
  printf("no host code address readable in the import stubs (0x%llx)\n",
         (unsigned long long)v);
  return 0;
}
