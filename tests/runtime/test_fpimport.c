/* test_fpimport.c: a module that takes the address of an import loads (its
 * jump-table entry leads to a PLT entry bound to an in-region stub), the
 * pointer is a table entry, and calls through it reach the host. Only with
 * modules built by the pass (otherwise the address is a data import). */
#include <fenv.h>
#include <stdint.h>

#include "t.h"

static int64_t twice(int64_t x) { return 2 * x; }
/* 1 if the import runs under round-to-nearest (the host's mode). */
static int64_t host_round(int64_t x) {
  (void)x;
  return fegetround() == FE_TONEAREST;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  sfi_import imps[] = {{"host_twice", "I:I", (void *)twice},
                       {"host_round", "I:I", (void *)host_round},
                       {0}};
  sfi_module *m = sfi_module_load(argv[1], imps, NULL);
  CHECK(m != NULL);
  if (!m)
    return t_done("test_fpimport");
  sfi_instance *in = sfi_instance_new(m, NULL);
  CHECK(in != NULL);
  sfi_val a = SFI_I64(21), r;
  CHECK_EQ(sfi_call(in, "call_imp_fp", "I:I", &a, &r), SFI_OK);
  CHECK_EQ(r.i64, 42);
  CHECK_EQ(sfi_call(in, "get_imp_fp", ":p", NULL, &r), SFI_OK);
  CHECK(sfi_is_funcptr(in, r.ptr));
  CHECK_EQ(sfi_call_addr(in, r.ptr, "I:I", &a, &r), SFI_OK);
  CHECK_EQ(r.i64, 42);
  /* FP environment: host import under the host's mode (1), libm under the
   * sandbox's (rint(0.5) upward = 1), and the host's mode back after. */
  CHECK_EQ(sfi_call(in, "round_then_host", "I:I", &a, &r), SFI_OK);
  CHECK_EQ(r.i64, 11);
  CHECK(fegetround() == FE_TONEAREST);
  sfi_instance_free(in);
  sfi_module_free(m);
  return t_done("test_fpimport");
}
