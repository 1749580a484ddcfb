/* callloop.c: N calls of the module's empty export, into one instance or
 * alternating between two, or ("out") one call making N calls of the empty
 * host import: for instruction counts per call under callgrind (run with N
 * and with 0 and subtract), or time (`time`, pinned) for A/B runs.
 *   clang-22 -O2 -g -Iruntime/include benchmarks/micro/callloop.c \
 *     build/lib/libsfirt.a -lZydis -lm -lpthread -ldl -o callloop
 *   valgrind --tool=callgrind ./callloop benchmarks/out/micro/mod.so 100000 [alt|fn|out] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sfi.h"

static void host_empty(void) {}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: callloop MODULE.so N [alt|fn]\n");
    return 2;
  }
  const sfi_import imps[] = {{"host_empty", ":v", (void *)host_empty},
                             {NULL, NULL, NULL}};
  sfi_module *m = sfi_module_load(argv[1], imps, NULL);
  sfi_instance *a = m ? sfi_instance_new(m, NULL) : NULL;
  sfi_instance *b = m ? sfi_instance_new(m, NULL) : NULL;
  if (!a || !b) {
    fprintf(stderr, "callloop: %s\n", sfi_errmsg());
    return 1;
  }
  uint64_t fa = sfi_lookup(a, "empty"), fb = sfi_lookup(b, "empty");
  long n = atol(argv[2]);
  int alt = argc > 3 && !strcmp(argv[3], "alt");
  if (argc > 3 && !strcmp(argv[3], "out")) { /* N calls out, one call in */
    sfi_val arg = {.i64 = n}, r;
    return sfi_call(a, "call_out", "I:I", &arg, &r) != SFI_OK;
  }
  if (argc > 3 && !strcmp(argv[3], "fn")) {
    sfi_fn *f = sfi_fn_new(a, fa, ":v");
    if (!f)
      return 1;
    for (long i = 0; i < n; i++)
      if (sfi_fn_call(f, NULL, NULL))
        return 1;
    sfi_fn_free(f);
    return 0;
  }
  for (long i = 0; i < n; i++) {
    int other = alt && (i & 1);
    if (sfi_call_addr(other ? b : a, other ? fb : fa, ":v", NULL, NULL))
      return 1;
  }
  return 0;
}
