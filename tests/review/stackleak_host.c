/* stackleak_host.c: runs stackleak's attack(buf) and searches the 16 KiB
 * it copied out of the native stack for this thread's stack-protector
 * canary (%fs:0x28) and for addresses inside the host's own code.
 *   usage: stackleak_host MODULE.so [DIR]   exit 1 if host data leaked */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review_host.h"
#include "sfi.h"
#include "sfi_abi.h"

extern char __executable_start[], etext[];

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  sfi_module *m = review_load(argv[1], NULL);
  const char *dh[1] = {argc > 2 ? argv[2] : "/tmp"}, *dg[1] = {"/d"};
  sfi_instance_options o = {.dirs_host = dh, .dirs_guest = dg, .ndirs = 1};
  sfi_instance *in = review_instance(m, &o);
  /* a writable 16 KiB of the region (the shadow stack's bottom) */
  uint64_t buf = 0;
  for (uint64_t a = sfi_region_base(in) + SFI_REGION_SIZE;
       a > sfi_region_base(in); a -= 1 << 16)
    if (sfi_ptr(in, a - 16384, 16384, 1)) {
      buf = a - 16384;
      break;
    }
  sfi_val arg = SFI_PTR(buf);
  int rc = sfi_call(in, "attack", "p:v", &arg, NULL);
  static uint64_t dump[2048];
  if (rc != SFI_OK || sfi_copy_out(in, dump, buf, sizeof dump) != SFI_OK) {
    printf("call failed: %s\n", sfi_errmsg());
    return 0;
  }
  uint64_t canary;
  __asm__("mov %%fs:0x28, %0" : "=r"(canary));
  int ncanary = 0, ncode = 0;
  for (int i = 0; i < 2048; i++) {
    if (dump[i] == canary && ncanary++ < 2)
      printf("LEAK: stack canary 0x%016" PRIx64 " at +%d\n", canary, 8 * i);
    if (dump[i] >= (uint64_t)__executable_start &&
        dump[i] < (uint64_t)etext && ncode++ < 4)
      printf("LEAK: host code address 0x%016" PRIx64 " at +%d\n", dump[i],
             8 * i);
  }
  printf("%d stack canaries, %d host code addresses found\n", ncanary, ncode);
  return ncanary + ncode ? 1 : 0;
}
