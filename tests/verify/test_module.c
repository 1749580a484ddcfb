/* test_module.c: the loader-side adapter of the binary verifier
 * (sfi__verify_module): a synthetic version-2 module linked with the crt
 * loads and verifies; the same module with a syscall injected is refused
 * by sfi_module_load, which runs the verifier on every module, with an
 * error naming the rule, the address, the function and the instruction. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static long imp(long x) { return x; }

static int check(const char *path, int want_ok) {
  sfi_import imports[] = {{"imp", "I:I", (void *)imp}, {0}};
  sfi_module *m = sfi_module_load(path, imports, NULL);
  if (!m) {
    int ok = !want_ok && strstr(sfi_errmsg(), "machine code rejected: "
                                              "forbidden at 0x") &&
             strstr(sfi_errmsg(), "`syscall` in f");
    printf("%s %s: refused: %s\n", ok ? "ok  " : "FAIL", path, sfi_errmsg());
    return !ok;
  }
  int rc = sfi__verify_module(m);
  int ok = want_ok ? rc == SFI_OK : rc == SFI_ERR_BADMODULE;
  printf("%s %s: %s\n", ok ? "ok  " : "FAIL", path,
         rc == SFI_OK ? "accepted" : sfi_errmsg());
  sfi_module_free(m);
  return !ok;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: test_module good.so bad.so\n");
    return 2;
  }
  return check(argv[1], 1) | check(argv[2], 0);
}
