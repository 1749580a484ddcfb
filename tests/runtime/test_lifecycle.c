/* test_lifecycle.c: what an instance finds when its region was used
 * before (runtime/instance.c). A freed instance's region is kept for the
 * next instance of the module (reset-on-free), and the pages that hold the
 * data's initial bytes are written back in place rather than dropped;
 * reset does the same. Every writable byte of the region (data, bss, the
 * shadow stack, the heap) is filled with canaries by the host after the
 * instance ran, and the next instance (same region) or the reset one must
 * show exactly what a fresh instance in a fresh region showed: the same
 * writable mappings with the same bytes, no heap mapped (or, after reset,
 * only zeros in it), no more mappings than a fresh one (at most 3 in the
 * compact layout). Out of mappings, kept regions give theirs up.
 *   usage: test_lifecycle tmod.so */
#include <errno.h>
#include <stdint.h>

#include "sfi_abi.h"
#include "t.h"

static long host_twice(long x) { return 2 * x; }
T_TMOD_IMPORTS(imports, host_twice, host_twice, host_twice, host_twice);

static sfi_module *mod;

#define MAXR 16
struct snap {
  int n, maps;
  uint64_t lo[MAXR], hi[MAXR];
  unsigned char *bytes[MAXR];
};

/* Every writable mapping inside x's region, with its bytes, and the count
 * of the mappings that start in the region after its first byte (what the
 * instance adds). */
static void snap_take(sfi_instance *x, struct snap *s) {
  uint64_t base = sfi_region_base(x), end = base + SFI_REGION_SIZE;
  memset(s, 0, sizeof *s);
  FILE *f = fopen("/proc/self/maps", "r");
  CHECK(f != NULL);
  if (!f)
    return;
  char line[512];
  while (fgets(line, sizeof line, f)) {
    unsigned long lo, hi;
    char perm[8];
    if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perm) != 3)
      continue;
    if (hi <= base || lo >= end)
      continue;
    /* the one the region starts in is the reservation's (the region
     * below's rest, or the chunk's start), there without the instance */
    s->maps += lo > base;
    if (perm[1] != 'w')
      continue;
    CHECK(s->n < MAXR);
    if (s->n >= MAXR)
      continue;
    CHECK(lo >= base && hi <= end);
    s->lo[s->n] = lo;
    s->hi[s->n] = hi;
    s->bytes[s->n] = malloc(hi - lo);
    CHECK(s->bytes[s->n] != NULL);
    if (s->bytes[s->n])
      memcpy(s->bytes[s->n], (void *)lo, hi - lo);
    s->n++;
  }
  fclose(f);
}

static void snap_free(struct snap *s) {
  for (int i = 0; i < s->n; i++)
    free(s->bytes[i]);
  s->n = 0;
}

static int all_zero(const unsigned char *p, uint64_t n) {
  for (uint64_t i = 0; i < n; i++)
    if (p[i])
      return 0;
  return 1;
}

/* got must equal want byte for byte; with heap_ok, got may have more
 * writable memory after want's last range (the heap reset keeps mapped),
 * which must read as zeros. */
static void snap_same(const struct snap *want, const struct snap *got,
                      int heap_ok, const char *what) {
  int bad = 0;
  for (int i = 0; i < want->n; i++) {
    int j = 0;
    while (j < got->n && !(got->lo[j] <= want->lo[i] && got->hi[j] > want->lo[i]))
      j++;
    if (j == got->n || got->hi[j] < want->hi[i]) {
      fprintf(stderr, "%s: writable range %lx-%lx not mapped as before\n", what,
              (unsigned long)want->lo[i], (unsigned long)want->hi[i]);
      bad++;
      continue;
    }
    const unsigned char *g = got->bytes[j] + (want->lo[i] - got->lo[j]);
    if (memcmp(g, want->bytes[i], want->hi[i] - want->lo[i]) != 0) {
      uint64_t k = 0;
      while (g[k] == want->bytes[i][k])
        k++;
      fprintf(stderr, "%s: byte at %lx is 0x%02x, fresh 0x%02x\n", what,
              (unsigned long)(want->lo[i] + k), g[k], want->bytes[i][k]);
      bad++;
    }
  }
  /* what got has beyond want's ranges */
  for (int j = 0; j < got->n; j++)
    for (uint64_t a = got->lo[j]; a < got->hi[j];) {
      int in = -1;
      for (int i = 0; i < want->n; i++)
        if (a >= want->lo[i] && a < want->hi[i])
          in = i;
      if (in >= 0) {
        a = want->hi[in];
        continue;
      }
      uint64_t b = got->hi[j];
      for (int i = 0; i < want->n; i++)
        if (want->lo[i] > a && want->lo[i] < b)
          b = want->lo[i];
      if (!heap_ok) {
        fprintf(stderr, "%s: %lx-%lx writable, not in a fresh instance\n",
                what, (unsigned long)a, (unsigned long)b);
        bad++;
      } else if (!all_zero(got->bytes[j] + (a - got->lo[j]), b - a)) {
        fprintf(stderr, "%s: %lx-%lx (heap) not zero\n", what,
                (unsigned long)a, (unsigned long)b);
        bad++;
      }
      a = b;
    }
  CHECK_EQ(bad, 0);
}

/* Runs x (data, bss, heap, shadow stack written by the sandbox), then
 * fills every writable byte of its region with canaries from the host. */
static void dirty(sfi_instance *x) {
  sfi_val r, a;
  CHECK_EQ(sfi_call(x, "bump", ":i", NULL, &r), SFI_OK); /* data */
  CHECK_EQ(sfi_call(x, "getbuf", ":p", NULL, &r), SFI_OK);
  sfi_val pa[2] = {SFI_PTR(r.ptr + 0x200), SFI_I64(0x7777)}; /* bss */
  CHECK_EQ(sfi_call(x, "poke", "pI:v", pa, NULL), SFI_OK);
  a = SFI_I64(1 << 20);
  CHECK_EQ(sfi_call(x, "do_sbrk", "I:I", &a, &r), SFI_OK);
  pa[0] = SFI_PTR(r.ptr + 4096);
  CHECK_EQ(sfi_call(x, "poke", "pI:v", pa, NULL), SFI_OK); /* heap */
  a = SFI_I32(1);
  CHECK_EQ(sfi_call(x, "shadow_deep", "i:i", &a, &r), SFI_TRAP_STACK);
  struct snap s;
  snap_take(x, &s);
  CHECK(s.n > 0);
  for (int i = 0; i < s.n; i++)
    memset((void *)s.lo[i], 0xa5, s.hi[i] - s.lo[i]);
  snap_free(&s);
}

static void test_reuse_and_reset(void) {
  int compact = !getenv("SFI_LAYOUT_SEGMENTS");
  sfi_release_cached(); /* the first instance maps a fresh region */
  sfi_instance *X = sfi_instance_new(mod, NULL);
  CHECK(X != NULL);
  if (!X)
    return;
  uint64_t base = sfi_region_base(X);
  struct snap fresh, got;
  snap_take(X, &fresh);
  CHECK(fresh.n > 0);
  if (compact)
    CHECK(fresh.maps <= 3);
  for (int round = 0; round < 3; round++) {
    dirty(X);
    sfi_instance_free(X);
    X = sfi_instance_new(mod, NULL); /* takes the kept region */
    CHECK(X != NULL);
    if (!X)
      break;
    CHECK_EQ(sfi_region_base(X), base);
    snap_take(X, &got);
    CHECK_EQ(got.maps, fresh.maps);
    snap_same(&fresh, &got, 0, "new after free");
    snap_free(&got);
    CHECK_EQ(sfi_call(X, "bump", ":i", NULL, &(sfi_val){0}), SFI_OK);
    dirty(X);
    CHECK_EQ(sfi_instance_reset(X), SFI_OK);
    snap_take(X, &got);
    CHECK_EQ(got.maps, fresh.maps);
    snap_same(&fresh, &got, 1, "reset");
    snap_free(&got);
    sfi_val r;
    CHECK_EQ(sfi_call(X, "bump", ":i", NULL, &r), SFI_OK);
    CHECK_EQ(r.i32, 6); /* counter's initial value is 5 */
  }
  sfi_instance_free(X);
  snap_free(&fresh);
  sfi_release_cached();
}

/* Many regions kept at once: each new one is pristine, none is handed out
 * twice. */
static void test_many_kept(void) {
  enum { N = 64 };
  sfi_instance *v[N];
  sfi_release_cached();
  for (int i = 0; i < N; i++) {
    v[i] = sfi_instance_new(mod, NULL);
    CHECK(v[i] != NULL);
  }
  for (int i = 0; i < N; i++)
    if (v[i]) {
      CHECK_EQ(sfi_call(v[i], "bump", ":i", NULL, &(sfi_val){0}), SFI_OK);
      dirty(v[i]);
      sfi_instance_free(v[i]);
    }
  for (int i = 0; i < N; i++) {
    v[i] = sfi_instance_new(mod, NULL);
    CHECK(v[i] != NULL);
    for (int k = 0; v[i] && k < i; k++)
      CHECK(sfi_region_base(v[k]) != sfi_region_base(v[i]));
    sfi_val r;
    CHECK_EQ(sfi_call(v[i], "bump", ":i", NULL, &r), SFI_OK);
    CHECK_EQ(r.i32, 6);
  }
  for (int i = 0; i < N; i++)
    sfi_instance_free(v[i]);
  sfi_release_cached();
}

/* Out of mappings (vm.max_map_count) while regions are kept that the new
 * instances cannot take (another shadow stack size): creation takes the
 * kept regions' mappings back, so as many instances fit as with none
 * kept. Only under the default limit. */
static int fill(const sfi_instance_options *o, sfi_instance **v, int max) {
  int n = 0;
  while (n < max && (v[n] = sfi_instance_new(mod, o)) != NULL)
    n++;
  return n;
}
static void test_drain_on_map_limit(void) {
  long limit = procstat_max_map_count();
  if (limit < 0 || limit > 70000) {
    fprintf(stderr, "test_drain_on_map_limit: skipped (vm.max_map_count "
                    "%ld)\n",
            limit);
    return;
  }
  enum { MAX = 40000 };
  sfi_instance **v = calloc(MAX, sizeof *v);
  CHECK(v != NULL);
  if (!v)
    return;
  sfi_instance_options small = {0};
  small.shadow_stack = 1 << 20;
  sfi_release_cached();
  int n1 = fill(&small, v, MAX);
  CHECK_MSG("vm.max_map_count");
  for (int i = 0; i < n1; i++)
    sfi_instance_free(v[i]);
  sfi_release_cached();
  /* keep regions of the default shadow stack size */
  enum { K = 200 };
  for (int i = 0; i < K; i++)
    CHECK((v[i] = sfi_instance_new(mod, NULL)) != NULL);
  for (int i = 0; i < K; i++)
    sfi_instance_free(v[i]);
  int n2 = fill(&small, v, MAX);
  fprintf(stderr,
          "test_drain_on_map_limit: %d instances with none kept, %d with "
          "%d regions kept before\n",
          n1, n2, K);
  CHECK(n2 >= n1 - 4);
  for (int i = 0; i < n2; i++)
    sfi_instance_free(v[i]);
  free(v);
  sfi_release_cached();
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: test_lifecycle tmod.so\n");
    return 2;
  }
  mod = sfi_module_load(argv[1], imports, NULL);
  CHECK(mod != NULL);
  if (!mod)
    return t_done("test_lifecycle");
  test_reuse_and_reset();
  test_many_kept();
  test_drain_on_map_limit();
  sfi_module_free(mod);
  return t_done("test_lifecycle");
}
