/* test_layout.c: what an instance maps (runtime/instance.c). In the
 * compact layout an instance costs at most 3 mappings, also after a
 * callback slot in RELRO was written and the instance reset (RELRO must
 * merge back into the code mapping); with one mapping per segment
 * (SFI_LAYOUT_SEGMENTS) at most 6. Never a mapping both writable and
 * executable in a region, and nothing mapped in the part of a region's
 * guard that an access from the region below can reach.
 *   usage: test_layout tmod.so */
#include <stdint.h>

#include "sfi_abi.h"
#include "t.h"

#define N 40
static sfi_instance *in[N];

static long host_twice(long x) { return 2 * x; }
T_TMOD_IMPORTS(imports, host_twice, host_twice, host_twice, host_twice);

/* Checks every mapping that overlaps instance i's region. */
static void check_region(sfi_instance *x) {
  uint64_t base = sfi_region_base(x), end = base + SFI_REGION_SIZE;
  uint64_t reach = base + SFI_FOLD_MAX + SFI_MAX_ACCESS;
  FILE *f = fopen("/proc/self/maps", "r");
  char line[512];
  int wx = 0, low = 0;
  while (f && fgets(line, sizeof line, f)) {
    unsigned long lo, hi;
    char p[8];
    if (sscanf(line, "%lx-%lx %7s", &lo, &hi, p) != 3 || hi <= base ||
        lo >= end)
      continue;
    wx += p[1] == 'w' && p[2] == 'x';
    low += p[0] != '-' && lo < reach;
  }
  if (f)
    fclose(f);
  CHECK_EQ(wx, 0);
  CHECK_EQ(low, 0);
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  int segments = getenv("SFI_LAYOUT_SEGMENTS") != NULL;
  long per = segments ? 6 : 3;
  sfi_module *m = sfi_module_load(argv[1], imports, NULL);
  CHECK(m != NULL);
  if (!m)
    return t_done("test_layout");
  sfi_instance *first = sfi_instance_new(m, NULL); /* module-wide mappings */
  CHECK(first != NULL);
  sfi_val a[2] = {SFI_I32(20), SFI_I32(22)}, r;
  CHECK_EQ(sfi_call(first, "add", "ii:i", a, &r), SFI_OK); /* thread's */
  /* (+8: the pool may reserve another chunk, malloc another arena) */
  long m0 = procstat_map_count();
  for (int i = 0; i < N; i++) {
    in[i] = sfi_instance_new(m, NULL);
    CHECK(in[i] != NULL);
  }
  long m1 = procstat_map_count();
  CHECK(m1 - m0 <= per * N + 8);
  fprintf(stderr, "%ld mappings for %d instances\n", m1 - m0, N);
  for (int i = 0; i < N; i++) {
    /* a callback slot written (RELRO writable, then protected again),
     * heap grown, reset: the count stays */
    uint64_t cb = sfi_callback_new(in[i], "I:I", (void *)host_twice);
    CHECK(cb != 0);
    sfi_val c[2] = {SFI_PTR(cb), SFI_I64(21)};
    CHECK_EQ(sfi_call(in[i], "call_fp", "pI:I", c, &r), SFI_OK);
    CHECK_EQ(r.i64, 42);
    sfi_val n = SFI_I64(1 << 20);
    CHECK_EQ(sfi_call(in[i], "do_sbrk", "I:I", &n, &r), SFI_OK);
    check_region(in[i]);
  }
  long m2 = procstat_map_count();
  CHECK(m2 - m0 <= per * N + 8);
  for (int i = 0; i < N; i++) {
    CHECK_EQ(sfi_instance_reset(in[i]), SFI_OK);
    CHECK_EQ(sfi_call(in[i], "add", "ii:i", a, &r), SFI_OK);
    CHECK_EQ(r.i32, 42);
    check_region(in[i]);
  }
  long m3 = procstat_map_count();
  CHECK(m3 - m0 <= per * N + 8);
  fprintf(stderr, "after callbacks, heap and reset: %ld\n", m3 - m0);
  for (int i = 0; i < N; i++)
    sfi_instance_free(in[i]);
  sfi_instance_free(first);
  sfi_release_cached();
  sfi_module_free(m);
  return t_done("test_layout");
}
