/* test_bindgen.c: the host side of sfi-bindgen's test: every generated
 * wrapper is called with its C types and returns status + result in one
 * call; pointers are sfi_sptr; struct mirrors match the layout and are
 * fetched with checks; forged pointers from the sandbox are refused; a
 * trap comes back as the wrapper's status.
 *   test_bindgen plugin.so   (plugin_sfi.h generated from plugin.h) */
#include <math.h>
#include <time.h>

#include "../runtime/t.h"
#include "plugin_sfi.h"

static sfi_instance *in;
static int visits;
static double seen_w;
static int32_t on_visit(int32_t index, sfi_sptr item, double w) {
  char c;
  visits++;
  seen_w = w;
  if (sfi_fetch(sfi_current(), item, &c, 1) != SFI_OK)
    return -1000;
  return c == 'a' + index ? 1 : 0;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  sfi_module *m = sfi_module_load(argv[1], NULL, NULL);
  CHECK(m != NULL);
  if (!m)
    return t_done("test_bindgen");
  in = sfi_instance_new(m, NULL);
  plugin_t b;
  CHECK_EQ(plugin_bind(&b, in), SFI_OK);

  /* Scalars of every kind. */
  int32_t i32 = 0;
  CHECK_EQ(plugin_add(&b, 40, 2, &i32), SFI_OK);
  CHECK_EQ(i32, 42);
  uint8_t u8 = 0;
  CHECK_EQ(plugin_low_byte(&b, 0x12345678u, &u8), SFI_OK);
  CHECK_EQ(u8, 0x78);
  bool even = false;
  CHECK_EQ(plugin_is_even(&b, 10, &even), SFI_OK);
  CHECK(even);
  CHECK_EQ(plugin_is_even(&b, 7, &even), SFI_OK);
  CHECK(!even);
  int64_t i64 = 0;
  CHECK_EQ(plugin_scale(&b, 1LL << 40, 2.0, 0.5f, &i64), SFI_OK);
  CHECK_EQ(i64, 1LL << 41);
  double d = 0;
  CHECK_EQ(plugin_hypot2(&b, 3.0, 4.0, &d), SFI_OK);
  CHECK(fabs(d - 25.0) < 1e-12);
  enum color c = RED;
  CHECK_EQ(plugin_next_color(&b, GREEN, &c), SFI_OK);
  CHECK_EQ(c, BLUE);
  CHECK_EQ(plugin_set_counter(&b, -77), SFI_OK);
  long cnt = 0;
  CHECK_EQ(plugin_get_counter(&b, &cnt), SFI_OK);
  CHECK_EQ(cnt, -77);
  CHECK_EQ(plugin_add(&b, 1, 2, NULL), SFI_OK); /* result not wanted */

  /* Pointers in and out are sfi_sptr. */
  sfi_sptr s = SFI_SPTR(sfi_malloc(in, 16));
  CHECK(!sfi_sptr_is_null(s));
  CHECK_EQ(sfi_store(in, s, "abcde", 6), SFI_OK);
  size_t len = 0;
  CHECK_EQ(plugin_length(&b, s, &len), SFI_OK);
  CHECK_EQ(len, 5);
  sfi_sptr bp = SFI_SPTR_NULL;
  CHECK_EQ(plugin_buf_new(&b, 5, s, &bp), SFI_OK);
  CHECK(!sfi_sptr_is_null(bp));

  /* Macros over one call: their constants (string literals included)
   * are the host's, from the header. */
  CHECK_EQ(plugin_add_ten(&b, 32, &i32), SFI_OK);
  CHECK_EQ(i32, 42);
  len = 0;
  CHECK_EQ(plugin_abi_length(&b, &len), SFI_OK);
  CHECK_EQ(len, strlen(PLUGIN_ABI));
  sfi_sptr hp = SFI_SPTR_NULL;
  CHECK_EQ(plugin_buf_hello(&b, 64, &hp), SFI_OK);
  plugin_buf_t hb;
  char hs[64];
  CHECK_EQ(plugin_buf_fetch(in, hp, &hb), SFI_OK);
  CHECK_EQ(sfi_fetch_string(in, hb.data, hs, sizeof hs), 13);
  CHECK(strcmp(hs, "hello sandbox") == 0);
  /* The literal's sandbox copy is freed after each call: many calls do
   * not grow the sandbox heap. */
  uint64_t before = sfi_malloc(in, 64);
  sfi_free(in, before);
  for (int k = 0; k < 1000; k++)
    CHECK_EQ(plugin_abi_length(&b, &len), SFI_OK);
  uint64_t after = sfi_malloc(in, 64);
  sfi_free(in, after);
  CHECK_EQ(after, before);

  /* The struct mirror: one checked copy, pointers stay tainted. */
  plugin_buf_t bb;
  CHECK_EQ(plugin_buf_fetch(in, bp, &bb), SFI_OK);
  CHECK_EQ(bb.len, 5);
  CHECK_EQ(bb.flags, 0x5a);
  CHECK(memcmp(bb.tag, "tag01", 6) == 0);
  CHECK(bb.scale == 1.5);
  CHECK(sfi_sptr_is_null(bb.next));
  char data[8];
  CHECK_EQ(sfi_fetch_string(in, bb.data, data, sizeof data), 5);
  CHECK(strcmp(data, "abcde") == 0);
  /* Field accessors read and write one field. */
  uint32_t l2 = 0;
  CHECK_EQ(plugin_buf_get_len(in, bp, &l2), SFI_OK);
  CHECK_EQ(l2, 5);
  CHECK_EQ(plugin_buf_set_scale(in, bp, 0.25), SFI_OK);
  double sc = 0;
  CHECK_EQ(plugin_buf_get_scale(in, bp, &sc), SFI_OK);
  CHECK(sc == 0.25);
  sfi_sptr dp;
  CHECK_EQ(plugin_buf_get_data(in, bp, &dp), SFI_OK);
  CHECK_EQ(dp.a, bb.data.a);

  /* A typed callback (the compiler checked on_visit's type). */
  sfi_sptr cb = plugin_callback_visit_fn(in, on_visit);
  CHECK(!sfi_sptr_is_null(cb));
  int32_t hits = 0;
  CHECK_EQ(plugin_visit(&b, bp, cb, &hits), SFI_OK);
  CHECK_EQ(visits, 5);
  CHECK_EQ(hits, 5);
  CHECK(seen_w == 0.25);

  /* Forged pointers from the sandbox: the result is an sfi_sptr, and
   * the checked helpers refuse it. */
  for (int w = 0; w < 2; w++) {
    sfi_sptr f = SFI_SPTR_NULL;
    CHECK_EQ(plugin_forge(&b, w, &f), SFI_OK);
    CHECK(!sfi_sptr_is_null(f));
    plugin_buf_t x;
    memset(&x, 0x11, sizeof x);
    CHECK_EQ(plugin_buf_fetch(in, f, &x), SFI_ERR_INVALID);
    CHECK_EQ(x.len, 0x11111111u); /* untouched */
    CHECK(sfi_sptr_check(in, f, 1, 0) == NULL);
    uint32_t l;
    CHECK_EQ(plugin_buf_get_len(in, f, &l), SFI_ERR_INVALID);
    CHECK_EQ(plugin_buf_set_len(in, f, 1), SFI_ERR_INVALID);
  }
  sfi_sptr own;
  CHECK_EQ(plugin_forge(&b, 2, &own), SFI_OK);
  CHECK(sfi_sptr_check(in, own, 4, 0) != NULL);

  /* A trap is the wrapper's status; *ret is left alone. */
  i32 = 123;
  int rc = plugin_peek(&b, SFI_SPTR(sfi_region_base(in) + 16), &i32);
  CHECK_EQ(rc, SFI_TRAP_OOB);
  CHECK(sfi_is_trap(rc));
  CHECK_EQ(i32, 123);
  CHECK_EQ(plugin_add(&b, 1, 1, &i32), SFI_ERR_TRAPPED);
  /* A macro wrapper's own allocation reports the trapped state too. */
  len = 99;
  CHECK_EQ(plugin_abi_length(&b, &len), SFI_ERR_TRAPPED);
  CHECK_EQ(len, 99);
  sfi_sptr ap = SFI_SPTR(1);
  CHECK_EQ(sfi_alloc(in, 16, &ap), SFI_ERR_TRAPPED);
  CHECK(sfi_sptr_is_null(ap));
  CHECK_EQ(sfi_instance_reset(in), SFI_OK);
  CHECK_EQ(sfi_alloc(in, 16, NULL), SFI_ERR_INVALID);
  CHECK_EQ(sfi_alloc(in, 16, &ap), SFI_OK);
  CHECK(sfi_sptr_check(in, ap, 16, 1) != NULL);
  CHECK_EQ(sfi_alloc(in, 1ull << 40, &ap), SFI_ERR_NOMEM);
  CHECK(sfi_sptr_is_null(ap));
  CHECK_EQ(plugin_add(&b, 1, 1, &i32), SFI_OK);
  CHECK_EQ(i32, 2);
  /* The varargs function was not bound, the host helper is not a
   * wrapper, and an unbound instance is refused. */
  plugin_t none = {0};
  CHECK_EQ(plugin_add(&none, 1, 1, &i32), SFI_ERR_INVALID);
  CHECK_EQ(plugin_add(NULL, 1, 1, &i32), SFI_ERR_INVALID);
  CHECK_EQ(twice(4), 8);
  /* A module that lacks a function is refused at bind, naming it. */
  CHECK_EQ(sfi_lookup(in, "hidden_helper"), 0);

  /* --bench: a generated call against sfi_call_addr and sfi_call. */
  if (argc > 2 && !strcmp(argv[2], "--bench")) {
    enum { N = 2000000 };
    struct timespec t0, t1;
    uint64_t f = sfi_lookup(in, "add");
    double ns[3];
    for (int k = 0; k < 3; k++) {
      clock_gettime(CLOCK_MONOTONIC, &t0);
      for (int i = 0; i < N; i++) {
        if (k == 0) {
          plugin_add(&b, i, 1, &i32);
        } else {
          sfi_val a[2] = {SFI_I32(i), SFI_I32(1)}, r;
          if (k == 1)
            sfi_call_addr(in, f, "ii:i", a, &r);
          else
            sfi_call(in, "add", "ii:i", a, &r);
          i32 = r.i32;
        }
      }
      clock_gettime(CLOCK_MONOTONIC, &t1);
      ns[k] = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / N;
    }
    printf("per call: generated %.1f ns, sfi_call_addr %.1f ns, sfi_call "
           "(by name) %.1f ns\n",
           ns[0], ns[1], ns[2]);
  }
  sfi_instance_free(in);
  sfi_module_free(m);
  return t_done("test_bindgen");
}
