/* regleak_host.c: copies a secret with the host's libc (AVX-512/EVEX
 * memmove on this machine), then calls the sandbox's dump() and looks for
 * the secret in the register contents it saw.
 *   usage: regleak_host MODULE.so    exit 1 if the secret leaked */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review_host.h"
#include "sfi.h"

static char secret[200] = "HOST-SECRET: the private key is 0123456789abcdef"
                          "0123456789abcdef0123456789abcdef0123456789abcdef";
static char copy[200];
void *(*volatile do_memcpy)(void *, const void *, size_t) = memcpy;

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  sfi_module *m = review_load(argv[1], NULL);
  sfi_instance *in = review_instance(m, NULL);
  uint64_t f = sfi_lookup(in, "dump");
  sfi_val r;
  do_memcpy(copy, secret, 200);
  int rc = sfi_call_addr(in, f, ":I", NULL, &r);
  static unsigned char regs[2048 + 64];
  if (rc != SFI_OK || sfi_copy_out(in, regs, r.ptr, sizeof regs) != SFI_OK) {
    printf("call failed: %s\n", sfi_errmsg());
    return 0;
  }
  const char *needle = "0123456789abcdef";
  for (size_t i = 0; i + 16 <= sizeof regs; i++)
    if (memcmp(regs + i, needle, 16) == 0) {
      printf("LEAK: host data in register %s%zu at byte %zu: \"%.32s\"\n",
             i < 2048 ? "zmm" : "k", i < 2048 ? i / 64 : (i - 2048) / 8,
             i % 64, (const char *)regs + i);
      return 1;
    }
  printf("no host data found in the sandbox's entry registers\n");
  return 0;
}
