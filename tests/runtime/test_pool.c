/* test_pool.c: region pool exhaustion is a clean error, freed regions are
 * reused, and creating/destroying many instances leaks no mappings. Run
 * with SFI_MAX_REGIONS=8. */
#include <stdint.h>

#include "t.h"

static int64_t host_twice(int64_t x) { return 2 * x; }
T_TMOD_IMPORTS(imports, host_twice, host_twice, host_twice, host_twice);

int main(int argc, char **argv) {
  if (argc < 2 || !getenv("SFI_MAX_REGIONS"))
    return 2;
  int limit = atoi(getenv("SFI_MAX_REGIONS"));
  sfi_module *mod = sfi_module_load(argv[1], imports, NULL);
  CHECK(mod != NULL);
  if (!mod)
    return t_done("test_pool");
  sfi_instance *warm = sfi_instance_new(mod, NULL);
  sfi_instance_free(warm);
  sfi_release_cached(); /* freed regions may stay mapped for reuse */
  int maps0 = t_maps();
  sfi_instance *v[64] = {0};
  for (int i = 0; i < limit; i++) {
    v[i] = sfi_instance_new(mod, NULL);
    CHECK(v[i] != NULL);
  }
  CHECK(t_maps() >= maps0 + limit); /* the leak check does see instances */
  sfi_instance *extra = sfi_instance_new(mod, NULL);
  CHECK(extra == NULL);
  CHECK_MSG("region pool exhausted");
  /* Still usable, and a freed region comes back. */
  sfi_val a[2] = {SFI_I32(1), SFI_I32(2)}, r;
  CHECK_EQ(sfi_call(v[0], "add", "ii:i", a, &r), SFI_OK);
  uint64_t b3 = sfi_region_base(v[3]);
  sfi_instance_free(v[3]);
  v[3] = sfi_instance_new(mod, NULL);
  CHECK(v[3] != NULL);
  CHECK_EQ(sfi_region_base(v[3]), b3);
  for (int i = 0; i < limit; i++)
    sfi_instance_free(v[i]);
  /* Churn: no mapping may be left behind. */
  for (int i = 0; i < 200; i++) {
    sfi_instance *in = sfi_instance_new(mod, NULL);
    CHECK(in != NULL);
    sfi_val x = SFI_I64(1 << 20);
    sfi_call(in, "do_sbrk", "I:I", &x, NULL);
    sfi_instance_free(in);
  }
  sfi_release_cached();
  CHECK_EQ(t_maps(), maps0);
  sfi_module_free(mod);
  return t_done("test_pool");
}
