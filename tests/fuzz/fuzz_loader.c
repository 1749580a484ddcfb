/* fuzz_loader.c: libFuzzer target over the module loader. Every input is a
 * module file: sfi_module_load_mem must accept it or fail with a message,
 * never crash, leak or touch memory it should not (ASan/UBSan). A module
 * that loads is instantiated (mapping, relocation, RELRO, jump-table and
 * callback-entry checks) with its constructors disabled: the loader treats
 * files as hostile, but the code inside a module is trusted to come from the
 * pass, and a mutated file's code would just be random instructions. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static int64_t imp_i(int64_t x) { return x; }
static const sfi_import imports[] = {
    {"host_sum", "pI:I", (void *)imp_i},  {"host_str", "p:I", (void *)imp_i},
    {"host_copy", "ppI:I", (void *)imp_i}, {"host_fill", "pIi:I", (void *)imp_i},
    {"host_twice", "I:I", (void *)imp_i},  {"host_reenter", "i:I", (void *)imp_i},
    {"host_log", "pI:I", (void *)imp_i},   {NULL, NULL, NULL}};

static void exercise(sfi_instance *in) {
  /* Lookups and pointer checks read the parsed tables. */
  uint64_t f = sfi_lookup(in, "ping");
  if (f)
    (void)sfi_is_funcptr(in, f);
  (void)sfi_lookup(in, "malloc");
  (void)sfi_ptr(in, sfi_region_base(in) + SFI_IMAGE_OFFSET, 64, 0);
  /* The callback path checks the crt's entries and writes a RELRO slot. */
  uint64_t cb = sfi_callback_new(in, "I:I", (void *)imp_i);
  if (cb)
    sfi_callback_free(in, cb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  sfi_module *m = sfi_module_load_mem(data, size, imports, NULL);
  if (!m) {
    (void)sfi_errmsg();
    return 0;
  }
  m->init_array_n = 0; /* see above: never run a mutated module's code */
  sfi_instance *in = sfi_instance_new(m, NULL);
  if (in) {
    exercise(in);
    sfi_instance_free(in);
  }
  sfi_module_free(m);
  return 0;
}
