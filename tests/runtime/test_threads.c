/* test_threads.c: instances on different threads at once. One thread keeps
 * trapping (and resetting) its instance while another computes and a third
 * runs into its time limit; each sees only its own results. */
#include <pthread.h>
#include <stdint.h>

#include "t.h"

static sfi_module *mod;
static int64_t host_twice(int64_t x) { return 2 * x; }
T_TMOD_IMPORTS(imports, host_twice, host_twice, host_twice, host_twice);

static void *computer(void *arg) {
  (void)arg;
  sfi_instance *in = sfi_instance_new(mod, NULL);
  long bad = 0;
  for (int i = 0; i < 20000; i++) {
    sfi_val a[2] = {SFI_I32(i), SFI_I32(1)}, r;
    if (sfi_call(in, "add", "ii:i", a, &r) != SFI_OK || r.i32 != i + 1)
      bad++;
    sfi_val x = SFI_I64(i);
    if (sfi_call(in, "call_host", "I:I", &x, &r) != SFI_OK ||
        r.i64 != 2 * i + 1)
      bad++;
  }
  sfi_instance_free(in);
  return (void *)bad;
}

static void *trapper(void *arg) {
  (void)arg;
  sfi_instance *in = sfi_instance_new(mod, NULL);
  long bad = 0;
  for (int i = 0; i < 2000; i++) {
    sfi_val a = SFI_PTR(sfi_region_base(in) + 16 + (uint64_t)i);
    if (sfi_call(in, "deref", "p:i", &a, NULL) != SFI_TRAP_OOB)
      bad++;
    if (!strstr(sfi_errmsg(), "deref")) /* per-thread message */
      bad++;
    if (sfi_instance_reset(in) != SFI_OK)
      bad++;
    sfi_val d[2] = {SFI_I32(1), SFI_I32(0)};
    if (sfi_call(in, "divi", "ii:i", d, NULL) != SFI_TRAP_DIV)
      bad++;
    sfi_instance_reset(in);
  }
  sfi_instance_free(in);
  return (void *)bad;
}

static void *spinner(void *arg) {
  (void)arg;
  sfi_instance_options o = {0};
  o.time_limit = 0.05;
  sfi_instance *in = sfi_instance_new(mod, &o);
  long bad = 0;
  for (int i = 0; i < 5; i++) {
    if (sfi_call(in, "spin", ":v", NULL, NULL) != SFI_TRAP_TIMEOUT)
      bad++;
    sfi_instance_reset(in);
  }
  sfi_instance_free(in);
  return (void *)bad;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  mod = sfi_module_load(argv[1], imports, NULL);
  CHECK(mod != NULL);
  if (!mod)
    return t_done("test_threads");
  pthread_t t[4];
  void *(*fns[4])(void *) = {computer, trapper, spinner, computer};
  for (int i = 0; i < 4; i++)
    CHECK_EQ(pthread_create(&t[i], NULL, fns[i], NULL), 0);
  for (int i = 0; i < 4; i++) {
    void *bad;
    pthread_join(t[i], &bad);
    CHECK_EQ((long)bad, 0);
  }
  /* The main thread never entered a sandbox: its state is clean. */
  CHECK(sfi_current() == NULL);
  sfi_module_free(mod);
  return t_done("test_threads");
}
