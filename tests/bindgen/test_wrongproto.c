/* test_wrongproto.c: bindings generated from a wrong header (wrong.h) are
 * refused at bind time when the module has debug info, naming the
 * function and both signatures; sfi_check_signature directly.
 *   test_wrongproto plugin.so plugin_nog.so */
#include "../runtime/t.h"
#include "wrong_sfi.h"

int main(int argc, char **argv) {
  if (argc < 3)
    return 2;
  sfi_module *m = sfi_module_load(argv[1], NULL, NULL);
  sfi_instance *in = m ? sfi_instance_new(m, NULL) : NULL;
  CHECK(in != NULL);
  if (in) {
    wrong_t b;
    CHECK_EQ(wrong_bind(&b, in), SFI_ERR_INVALID);
    CHECK_MSG("'add' is \"ii:i\" in the module");
    CHECK_MSG("not \"d:I\"");
    CHECK_EQ(sfi_check_signature(in, "add", "ii:i"), SFI_OK);
    CHECK_EQ(sfi_check_signature(in, "peek", "p:i"), SFI_OK);
    CHECK_EQ(sfi_check_signature(in, "peek", "I:i"), SFI_ERR_INVALID);
    CHECK_EQ(sfi_check_signature(in, "scale", "Idf:I"), SFI_OK);
    CHECK_EQ(sfi_check_signature(in, "is_even", "I:i"), SFI_OK);
    CHECK_EQ(sfi_check_signature(in, "set_counter", "I:v"), SFI_OK);
    CHECK_EQ(sfi_check_signature(in, "set_counter", "I:i"), SFI_ERR_INVALID);
    CHECK_EQ(sfi_check_signature(in, "visit", "pp:i"), SFI_OK);
    /* Variadic: no signature string describes it. */
    CHECK_EQ(sfi_check_signature(in, "log_fmt", "p:i"), SFI_ERR_INVALID);
    CHECK_EQ(sfi_check_signature(in, "no_such", "p:i"), SFI_ERR_NOTFOUND);
  }
  sfi_instance_free(in);
  sfi_module_free(m);
  /* Without -g nothing can be checked: the bindings bind (the limit). */
  m = sfi_module_load(argv[2], NULL, NULL);
  in = m ? sfi_instance_new(m, NULL) : NULL;
  CHECK(in != NULL);
  if (in) {
    wrong_t b;
    CHECK_EQ(wrong_bind(&b, in), SFI_OK);
    CHECK_EQ(sfi_check_signature(in, "add", "ii:i"), SFI_ERR_NOTFOUND);
  }
  sfi_instance_free(in);
  sfi_module_free(m);
  return t_done("test_wrongproto");
}
