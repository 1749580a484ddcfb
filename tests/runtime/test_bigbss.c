/* test_bigbss.c: a module with 256 MiB of bss loads, instantiates, resets
 * and frees without the host's resident memory growing by anything like
 * the bss (a loader that copied the data segment up to the image's end
 * read and scanned all of it: 5 s and 256 MiB for a fuzzed module), and
 * the bss reads as zero in the instance, also after a reset.
 *   usage: test_bigbss bigbss.so */
#include "t.h"

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  long r0 = procstat_rss_kib();
  sfi_module *m = sfi_module_load(argv[1], NULL, NULL);
  CHECK(m != NULL);
  if (!m)
    return t_done("test_bigbss");
  sfi_instance *in = sfi_instance_new(m, NULL);
  CHECK(in != NULL);
  sfi_val a[2] = {SFI_I32(200 << 20), SFI_I32(7)}, r;
  CHECK_EQ(sfi_call(in, "big_get", "i:i", a, &r), SFI_OK);
  CHECK_EQ(r.i32, 0);
  CHECK_EQ(sfi_call(in, "big_set", "ii:v", a, NULL), SFI_OK);
  CHECK_EQ(sfi_call(in, "big_get", "i:i", a, &r), SFI_OK);
  CHECK_EQ(r.i32, 7);
  CHECK_EQ(sfi_instance_reset(in), SFI_OK);
  CHECK_EQ(sfi_call(in, "big_get", "i:i", a, &r), SFI_OK);
  CHECK_EQ(r.i32, 0);
  long grown = procstat_rss_kib() - r0;
  fprintf(stderr, "resident memory grew by %ld KiB\n", grown);
  CHECK(grown < 32 << 10); /* far below the 256 MiB of bss */
  sfi_instance_free(in);
  sfi_module_free(m);
  return t_done("test_bigbss");
}
