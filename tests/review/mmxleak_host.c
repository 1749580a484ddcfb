#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "sfi.h"
volatile long double sink;
/* mmxleak_host.c: a long double computation on a secret, then dump().
 *   usage: mmxleak_host MODULE.so   exit 1 if the mantissa leaked */
int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  sfi_module *m = sfi_module_load(argv[1], NULL, NULL);
  sfi_instance *in = sfi_instance_new(m, NULL);
  volatile uint64_t secret = 0x5ec7e75ec7e70042ULL;
  long double x = (long double)secret; /* x87 load of the secret */
  sink = x * 1.0L;
  sfi_val r;
  sfi_call(in, "dump", ":I", NULL, &r);
  uint64_t mm[8];
  sfi_copy_out(in, mm, r.ptr, sizeof mm);
  int leak = 0;
  uint64_t mant = secret << __builtin_clzll(secret);
  for (int i = 0; i < 8; i++)
    if (mm[i] == mant) {
      printf("LEAK: %%mm%d = 0x%016llx, the host secret's x87 mantissa\n", i,
             (unsigned long long)mm[i]);
      leak = 1;
    }
  return leak;
}
