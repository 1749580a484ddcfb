/* k0leak_host.c: the host searches a secret bit string with glibc's memchr
 * (its EVEX version compares 32 bytes into %k0), then calls the sandbox's
 * dump() (regleak.s), which stores %k0-%k7 as it finds them on entry.
 * sfi__enter clears k1-k7 but not k0 (review2): the mask of every '1' in
 * the host's secret is visible to the sandbox.
 *   usage: k0leak_host regleak.so    exit 1 if k0 holds the secret's bits */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "review_host.h"
#include "sfi.h"

static char secret[65] =
    "0110100111010001011101000110101100101101011100010101110100111010";
void *(*volatile do_memchr)(const void *, int, size_t) = memchr;

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  sfi_module *m = review_load(argv[1], NULL);
  sfi_instance *in = review_instance(m, NULL);
  uint64_t f = sfi_lookup(in, "dump");
  uint32_t want = 0;
  for (int i = 0; i < 32; i++)
    want |= (uint32_t)(secret[i] == '1') << i;
  sfi_val r;
  do_memchr(secret, '1', 64);
  int rc = sfi_call_addr(in, f, ":I", NULL, &r);
  uint64_t k[8];
  if (rc != SFI_OK || sfi_copy_out(in, k, r.ptr + 2048, sizeof k) != SFI_OK) {
    printf("call failed: %s\n", sfi_errmsg());
    return 0;
  }
  for (int i = 0; i < 8; i++)
    if (want && (uint32_t)k[i] == want) {
      printf("LEAK: %%k%d = 0x%llx on entry: the positions of every '1' in "
             "the host's secret (32 bits)\n",
             i, (unsigned long long)k[i]);
      return 1;
    }
  printf("no host mask bits in k0-k7 (k0 = 0x%llx)\n",
         (unsigned long long)k[0]);
  return 0;
}
