/* test_module.c: the loader-side adapter of the binary verifier
 * (sfi__verify_module): a synthetic version-2 module linked with the crt
 * loads and verifies; the same module with a syscall injected loads (the
 * loader does not call the verifier yet) and is rejected by it. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static long imp(long x) { return x; }

static int check(const char *path, int want_ok) {
  sfi_import imports[] = {{"imp", "I:I", (void *)imp}, {0}};
  sfi_module *m = sfi_module_load(path, imports, NULL);
  if (!m) {
    printf("FAIL %s: not loaded: %s\n", path, sfi_errmsg());
    return 1;
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
