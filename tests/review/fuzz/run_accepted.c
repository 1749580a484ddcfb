#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sfi.h"
#include "sfi_abi.h"
#define CSZ (1 << 20)
int main(int argc, char **argv) {
  int n = atoi(argv[2]);
  uint8_t *can = mmap(NULL, CSZ, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  for (int i = 0; i < CSZ; i++) can[i] = (uint8_t)(i * 131 + 7);
  sfi_module *m = sfi_module_load(argv[1], NULL, NULL);
  if (!m) { printf("%s\n", sfi_errmsg()); return 1; }
  int bad = 0;
  for (int i = 0; i < n; i++) {
    pid_t p = fork();
    if (!p) {
      sfi_instance *in = sfi_instance_new(m, NULL);
      char name[32];
      snprintf(name, sizeof name, "f%d", i);
      uint64_t f = sfi_lookup(in, name);
      uint64_t mid = (uint64_t)(uintptr_t)can + CSZ / 2;
      uint64_t xs[] = {0, 1, 2048, 2048 + 64, 4096, 0x7fffffffffffffffULL, 0x8000000000000000ULL,
                       ~0ULL, mid, mid - sfi_region_base(in), (mid - f) * 8, (mid - f), (mid - f - 0x100) * 8,
                       (mid - sfi_region_base(in)) * 8, 0x100000000ULL, 0xffffffffULL,
                       8 * 256, 8 * 240, 8 * 224, 8 * 208, 8 * 192, 8 * 176, 8 * 160, 8 * 144, 8 * 128, 8 * 112,
                       256, 240, 224, 192, 160, 128, 112, 0x80000000ULL, 0x40000000ULL, 0xfffffff0ULL, 0xffffff00ULL};
      for (size_t k = 0; k < sizeof xs / sizeof xs[0]; k++) {
        sfi_val a = SFI_I64(xs[k]), r;
        int rc = sfi_call(in, name, "I:I", &a, &r);
        if (rc != SFI_OK && rc != SFI_ERR_EXIT)
          sfi_instance_reset(in);
        for (int j = 0; j < CSZ; j++)
          if (can[j] != (uint8_t)(j * 131 + 7)) {
            printf("f%d x=0x%" PRIx64 ": CANARY CHANGED at +%d\n", i, xs[k], j);
            _exit(3);
          }
      }
      _exit(0);
    }
    int st;
    waitpid(p, &st, 0);
    if (!WIFEXITED(st) || WEXITSTATUS(st)) {
      bad++;
      printf("f%d: %s %d\n", i, WIFSIGNALED(st) ? "signal" : "exit", WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
    }
  }
  printf("%d functions, %d escapes/crashes\n", n, bad);
  return 0;
}
