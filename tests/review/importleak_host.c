/* importleak_host.c: grants host_op(), an import that copies a secret with
 * the host's libc (EVEX memcpy on this machine), and calls the module's
 * attack(), which dumps the registers as it finds them after host_op
 * returned. Exit 1 if the secret or a host pointer (an address outside the
 * sandbox region) is visible to the sandbox.
 *   usage: importleak_host MODULE.so */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "review_host.h"
#include "sfi.h"

static char secret[200] = "HOST-SECRET: the private key is 0123456789abcdef"
                          "0123456789abcdef0123456789abcdef0123456789abcdef";
static char copy[200];
void *(*volatile do_memcpy)(void *, const void *, size_t) = memcpy;

static void host_op(void) { do_memcpy(copy, secret, 200); }

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  sfi_import imps[] = {{"host_op", ":v", (void *)host_op}, {0}};
  sfi_module *m = review_load(argv[1], imps);
  sfi_instance *in = review_instance(m, NULL);
  int leak = 0;
  for (int a = 0; a < 2; a++) {
  const char *fn = a ? "attack_sys" : "attack";
  printf("%s:\n", fn);
  sfi_val r;
  int rc = sfi_call(in, fn, ":I", NULL, &r);
  static unsigned char regs[2112 + 128];
  uint64_t base = r.ptr, rsp;
  memcpy(&rsp, regs + 2112 + 72, 8);
  if (rc != SFI_OK || sfi_copy_out(in, regs, r.ptr, sizeof regs) != SFI_OK) {
    printf("call failed: %s\n", sfi_errmsg());
    return 0;
  }
  const char *needle = "0123456789abcdef";
  for (size_t i = 0; i + 16 <= 2112; i++)
    if (memcmp(regs + i, needle, 16) == 0) {
      printf("LEAK: host secret in %s%zu at byte %zu after the import "
             "returned: \"%.32s\"\n",
             i < 2048 ? "zmm" : "k", i < 2048 ? i / 64 : (i - 2048) / 8,
             i % 64, (const char *)regs + i);
      leak = 1;
      break;
    }
  static const char *names[] = {"rax", "rcx", "rdx", "rsi", "rdi",
                                "r8",  "r9",  "r10", "r11"};
  for (int k = 0; k < 9; k++) {
    uint64_t v;
    memcpy(&v, regs + 2112 + 8 * k, 8);
    if (v == (uint64_t)(uintptr_t)copy || v == (uint64_t)(uintptr_t)secret ||
        (v > 0x10000 && !sfi_ptr(in, v, 1, 0) && (v >> 47) == 0 &&
         (v & 0xffff00000000ull) && ((v ^ base) >> 32) && (v > rsp + (1u << 20) || v + (1u << 20) < rsp))) {
      printf("LEAK: %s = 0x%llx after the import returned: a host address "
             "outside the region%s\n",
             names[k], (unsigned long long)v,
             v == (uint64_t)(uintptr_t)copy ? " (the host's `copy` buffer)"
             : v >= (uint64_t)(uintptr_t)secret &&
                     v < (uint64_t)(uintptr_t)secret + 200
                 ? " (inside the host's secret)"
                 : "");
      leak = 1;
    }
  }
  }
  if (!leak)
    printf("no host data in the registers after the imports\n");
  return leak;
}
