/* test_calls.c: calls in and out: every signature type, stack arguments,
 * imports, nested calls across instances, callbacks, function-pointer
 * checks, memory helpers and sfi_ptr edge cases, reset, constructors. */
#include <math.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "t.h"

static sfi_module *mod;
static sfi_instance *A, *B;

static int64_t host_twice(int64_t x) {
  CHECK(sfi_current() != NULL);
  return 2 * x;
}

/* host -> sandbox -> host_reenter -> (other or same) sandbox -> ... */
static int64_t host_reenter(int64_t depth) {
  sfi_instance *cur = sfi_current();
  if (depth <= 0)
    return 0;
  sfi_instance *next = (depth & 1) ? A : B;
  sfi_val a = SFI_I64(depth - 1), r;
  int rc = sfi_call(next, "reenter", "I:I", &a, &r);
  CHECK_EQ(rc, SFI_OK);
  CHECK(sfi_current() == cur); /* restored after the nested call */
  return r.i64 * 10;
}

static int64_t host_block(int64_t ms) { return ms; }

static int64_t cb_add7(int64_t x) {
  CHECK(sfi_current() == A);
  return x + 7;
}

T_TMOD_IMPORTS(imports, host_twice, host_twice, host_reenter, host_block);

static void test_signatures(void) {
  sfi_val a[18], r;
  a[0] = SFI_I32(2);
  a[1] = SFI_I32(40);
  CHECK_EQ(sfi_call(A, "add", "ii:i", a, &r), SFI_OK);
  CHECK_EQ(r.i32, 42);
  a[0] = SFI_I32(-5);
  a[1] = SFI_I32(2);
  CHECK_EQ(sfi_call(A, "add", "ii:i", a, &r), SFI_OK);
  CHECK_EQ(r.i32, -3);
  a[0] = SFI_F32(1.25f);
  a[1] = SFI_F32(2.5f);
  CHECK_EQ(sfi_call(A, "addf", "ff:f", a, &r), SFI_OK);
  CHECK(r.f32 == 3.75f);
  a[0] = SFI_F64(1.5);
  a[1] = SFI_F64(-4);
  CHECK_EQ(sfi_call(A, "muld", "dd:d", a, &r), SFI_OK);
  CHECK(r.f64 == -6.0);
  for (int i = 0; i < 16; i++)
    a[i] = SFI_I64(i + 1);
  CHECK_EQ(sfi_call(A, "sum16", "IIIIIIIIIIIIIIII:I", a, &r), SFI_OK);
  CHECK_EQ(r.i64, 1496);
  /* 18 mixed arguments: 8 integers (2 on the stack), 10 floating point
   * (2 on the stack), interleaved. */
  const char *sig = "idIfididididddddid:d";
  double expect = 0;
  for (int i = 0; i < 18; i++) {
    char c = sig[i];
    if (c == 'i')
      a[i] = SFI_I32(i + 1), expect += (i + 1) * (i + 1);
    else if (c == 'I')
      a[i] = SFI_I64(i + 1), expect += (i + 1) * (i + 1);
    else if (c == 'f')
      a[i] = SFI_F32(i + 1), expect += (i + 1) * (i + 1);
    else
      a[i] = SFI_F64(i + 1.5), expect += (i + 1.5) * (i + 1);
  }
  CHECK_EQ(sfi_call(A, "mix", sig, a, &r), SFI_OK);
  CHECK(fabs(r.f64 - expect) < 1e-9);
  CHECK_EQ(sfi_call(A, "nothing", ":v", NULL, NULL), SFI_OK);
  /* Bad signatures and names. */
  CHECK_EQ(sfi_call(A, "add", "ii", a, &r), SFI_ERR_INVALID);
  CHECK_EQ(sfi_call(A, "add", "ix:i", a, &r), SFI_ERR_INVALID);
  CHECK_EQ(sfi_call(A, "add", "ii:q", a, &r), SFI_ERR_INVALID);
  CHECK_EQ(sfi_call(A, "add", "ii:ii", a, &r), SFI_ERR_INVALID);
  CHECK_EQ(sfi_call(A, "add", "ii:i", NULL, &r), SFI_ERR_INVALID);
  CHECK_EQ(sfi_call(A, "add", "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii:i", a, &r),
           SFI_ERR_INVALID);
  CHECK_EQ(sfi_call(A, "no_such_function", ":v", NULL, NULL), SFI_ERR_NOTFOUND);
  CHECK_MSG("no_such_function");
  CHECK_EQ(sfi_call(A, "counter", ":i", NULL, &r), SFI_ERR_NOTFOUND); /* data */
  CHECK_EQ(sfi_call(NULL, "add", "ii:i", a, &r), SFI_ERR_INVALID);
  CHECK_EQ(sfi_call(A, NULL, "ii:i", a, &r), SFI_ERR_INVALID);
  CHECK(sfi_lookup(A, "nope") == 0);
}

/* Bound functions (sfi_fn): the same calls, checks made once. */
static void test_bound(void) {
  sfi_val a[18], r;
  sfi_fn *add = sfi_fn_new(A, sfi_lookup(A, "add"), "ii:i");
  CHECK(add != NULL);
  for (int i = 0; add && i < 100; i++) {
    a[0] = SFI_I32(i);
    a[1] = SFI_I32(-2 * i);
    CHECK_EQ(sfi_fn_call(add, a, &r), SFI_OK);
    CHECK_EQ(r.i32, -i);
  }
  CHECK_EQ(sfi_fn_call(add, NULL, &r), SFI_ERR_INVALID); /* args needed */
  sfi_fn_free(add);
  /* more arguments than registers: the buffer in the region */
  sfi_fn *s16 = sfi_fn_new(A, sfi_lookup(A, "sum16"), "IIIIIIIIIIIIIIII:I");
  CHECK(s16 != NULL);
  for (int i = 0; i < 16; i++)
    a[i] = SFI_I64(i + 1);
  CHECK_EQ(sfi_fn_call(s16, a, &r), SFI_OK);
  CHECK_EQ(r.i64, 1496);
  sfi_fn_free(s16);
  sfi_fn *mul = sfi_fn_new(A, sfi_lookup(A, "muld"), "dd:d");
  a[0] = SFI_F64(1.5);
  a[1] = SFI_F64(-4);
  CHECK_EQ(sfi_fn_call(mul, a, &r), SFI_OK);
  CHECK(r.f64 == -6.0);
  sfi_fn_free(mul);
  /* refused at binding: not a function start, a data address, bad
   * signatures, NULL */
  uint64_t f = sfi_lookup(A, "add");
  CHECK(sfi_fn_new(A, f + 1, "ii:i") == NULL);
  CHECK_MSG("neither an exported function nor a jump-table entry");
  CHECK(sfi_fn_new(A, sfi_region_base(A) + (1 << 20), ":v") == NULL);
  CHECK(sfi_fn_new(A, 0, ":v") == NULL);
  CHECK(sfi_fn_new(A, f, "ii") == NULL);
  CHECK(sfi_fn_new(A, f, "ix:i") == NULL);
  CHECK(sfi_fn_new(A, f, "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii:i") == NULL);
  CHECK(sfi_fn_new(NULL, f, "ii:i") == NULL);
  CHECK(sfi_fn_new(A, f, NULL) == NULL);
  CHECK_EQ(sfi_fn_call(NULL, a, &r), SFI_ERR_INVALID);
  /* a trap: the instance refuses bound calls too until reset, and the
   * binding still works after the reset */
  sfi_fn *ill = sfi_fn_new(B, sfi_lookup(B, "ill"), ":v");
  sfi_fn *bump = sfi_fn_new(B, sfi_lookup(B, "bump"), ":i");
  CHECK(ill && bump);
  CHECK(sfi_is_trap(sfi_fn_call(ill, NULL, NULL)));
  CHECK_EQ(sfi_fn_call(bump, NULL, &r), SFI_ERR_TRAPPED);
  CHECK_EQ(sfi_instance_reset(B), SFI_OK);
  CHECK_EQ(sfi_fn_call(bump, NULL, &r), SFI_OK);
  CHECK_EQ(sfi_fn_call(bump, NULL, &r), SFI_OK);
  CHECK_EQ(r.i32, 7); /* counter starts at 5 again */
  sfi_fn_free(ill);
  sfi_fn_free(bump);
  sfi_fn_free(NULL);
  /* nested: a bound call into A from B's import (call_host) */
  sfi_fn *ch = sfi_fn_new(A, sfi_lookup(A, "reenter"), "I:I");
  a[0] = SFI_I64(4);
  CHECK_EQ(sfi_fn_call(ch, a, &r), SFI_OK);
  CHECK_EQ(r.i64, 11111);
  CHECK(sfi_current() == NULL);
  sfi_fn_free(ch);
  /* a binding outlives its instance: refused, even when a new instance
   * gets the same struct and region (review: a stale binding ran another
   * module's unverified bytes); bindings freed in any order */
  sfi_instance *C = sfi_instance_new(mod, NULL);
  CHECK(C != NULL);
  sfi_fn *s1 = sfi_fn_new(C, sfi_lookup(C, "add"), "ii:i");
  sfi_fn *s2 = sfi_fn_new(C, sfi_lookup(C, "add"), "ii:i");
  sfi_fn *s3 = sfi_fn_new(C, sfi_lookup(C, "add"), "ii:i");
  CHECK(s1 && s2 && s3);
  sfi_fn_free(s2); /* from the middle of the instance's list */
  a[0] = SFI_I32(2);
  a[1] = SFI_I32(3);
  CHECK_EQ(sfi_fn_call(s1, a, &r), SFI_OK);
  CHECK_EQ(r.i32, 5);
  sfi_instance_free(C);
  sfi_instance *D = sfi_instance_new(mod, NULL);
  CHECK(D != NULL);
  CHECK_EQ(sfi_fn_call(s1, a, &r), SFI_ERR_INVALID);
  CHECK_MSG("instance has been freed");
  CHECK_EQ(sfi_fn_call(s3, a, &r), SFI_ERR_INVALID);
  sfi_fn_free(s3);
  sfi_fn_free(s1);
  sfi_fn *s4 = sfi_fn_new(D, sfi_lookup(D, "add"), "ii:i");
  CHECK_EQ(sfi_fn_call(s4, a, &r), SFI_OK);
  sfi_instance_free(D);
  sfi_fn_free(s4); /* after its instance: only the binding is freed */
}

static void test_imports_nested(void) {
  sfi_val a = SFI_I64(21), r;
  CHECK_EQ(sfi_call(A, "call_host", "I:I", &a, &r), SFI_OK);
  CHECK_EQ(r.i64, 43);
  CHECK(sfi_current() == NULL);
  /* A -> host -> B -> host -> A -> host -> B ... 6 levels deep */
  a = SFI_I64(6);
  CHECK_EQ(sfi_call(A, "reenter", "I:I", &a, &r), SFI_OK);
  CHECK_EQ(r.i64, 1111111);
  CHECK(sfi_current() == NULL);
}

static void test_funcptrs_callbacks(void) {
  sfi_val a[2], r;
  uint64_t add = sfi_lookup(A, "add");
  CHECK(add != 0);
  a[0] = SFI_I32(1);
  a[1] = SFI_I32(2);
  CHECK_EQ(sfi_call_addr(A, add, "ii:i", a, &r), SFI_OK);
  CHECK_EQ(r.i32, 3);
  /* Not a function entry: refused without running anything. */
  CHECK_EQ(sfi_call_addr(A, add + 1, "ii:i", a, &r), SFI_ERR_INVALID);
  CHECK_EQ(sfi_call_addr(A, sfi_region_base(A) + 0x100000, "ii:i", a, &r),
           SFI_ERR_INVALID);
  CHECK_EQ(sfi_call_addr(A, (uint64_t)(uintptr_t)&host_twice, "I:I", a, &r),
           SFI_ERR_INVALID);
  /* Another instance's function is not ours. */
  CHECK_EQ(sfi_call_addr(B, add, "ii:i", a, &r), SFI_ERR_INVALID);

  uint64_t cb = sfi_callback_new(A, "I:I", (void *)cb_add7);
  CHECK(cb != 0);
  CHECK(sfi_is_funcptr(A, cb));
  CHECK(!sfi_is_funcptr(A, cb + 1));
  CHECK(!sfi_is_funcptr(A, cb - 16 * ((cb - sfi_region_base(A)) / 16 + 1)));
  CHECK(!sfi_is_funcptr(B, cb)); /* A's entry is not B's */
  /* The sandbox calls the host through the callback. */
  a[0] = SFI_PTR(cb);
  a[1] = SFI_I64(35);
  CHECK_EQ(sfi_call(A, "call_fp", "pI:I", a, &r), SFI_OK);
  CHECK_EQ(r.i64, 42);
  /* The host calls the sandbox through a pointer it handed out. */
  sfi_val fp;
  CHECK_EQ(sfi_call(A, "get_sq", ":p", NULL, &fp), SFI_OK);
  a[0] = SFI_I64(9);
  int rc = sfi_call_addr(A, fp.ptr, "I:I", a, &r);
  if (sfi_is_funcptr(A, fp.ptr)) { /* built with the pass: a table entry */
    CHECK_EQ(rc, SFI_OK);
    CHECK_EQ(r.i64, 81);
  } else { /* without the pass a raw code address is refused */
    CHECK_EQ(rc, SFI_ERR_INVALID);
  }
  /* The slot is read-only for the sandbox: overwriting it traps. */
  const uint8_t *e = sfi_ptr(A, cb, 6, 0);
  CHECK(e && e[0] == 0xff && e[1] == 0x25);
  if (e) {
    int32_t rel;
    memcpy(&rel, e + 2, 4);
    uint64_t slot = cb + 6 + (uint64_t)(int64_t)rel;
    CHECK(sfi_ptr(A, slot, 8, 0) != NULL);
    CHECK(sfi_ptr(A, slot, 8, 1) == NULL);
    sfi_val p[2] = {SFI_PTR(slot), SFI_I64((int64_t)sfi_lookup(A, "add"))};
    CHECK_EQ(sfi_call(A, "poke", "pI:v", p, NULL), SFI_TRAP_OOB);
    CHECK_EQ(sfi_instance_reset(A), SFI_OK);
    cb = sfi_callback_new(A, "I:I", (void *)cb_add7); /* reset cleared it */
    a[0] = SFI_PTR(cb);
    a[1] = SFI_I64(1);
    CHECK_EQ(sfi_call(A, "call_fp", "pI:I", a, &r), SFI_OK);
    CHECK_EQ(r.i64, 8);
  }
  /* Freed callback: calling it traps, and is reported. */
  sfi_callback_free(A, cb);
  a[0] = SFI_PTR(cb);
  a[1] = SFI_I64(1);
  CHECK_EQ(sfi_call(A, "call_fp", "pI:I", a, &r), SFI_TRAP_ILLEGAL);
  CHECK_EQ(sfi_instance_reset(A), SFI_OK);
  /* The trap entry (table entry 0) is never callable. */
  uint64_t e0 = cb - 16;
  CHECK(!sfi_is_funcptr(A, e0));
  CHECK_EQ(sfi_call_addr(A, e0, ":v", NULL, NULL), SFI_ERR_INVALID);
  /* All 64 slots, then exhaustion. */
  uint64_t cbs[64];
  for (int i = 0; i < 64; i++) {
    cbs[i] = sfi_callback_new(A, "I:I", (void *)cb_add7);
    CHECK(cbs[i] != 0);
  }
  CHECK(sfi_callback_new(A, "I:I", (void *)cb_add7) == 0);
  for (int i = 0; i < 64; i++)
    sfi_callback_free(A, cbs[i]);
  CHECK(sfi_callback_new(A, NULL, (void *)cb_add7) == 0);
  CHECK(sfi_callback_new(A, "I:I", NULL) == 0);
  CHECK_EQ(sfi_instance_reset(A), SFI_OK);
}

static void test_memory(void) {
  sfi_val r;
  CHECK_EQ(sfi_call(A, "getbuf", ":p", NULL, &r), SFI_OK);
  uint64_t buf = r.ptr, base = sfi_region_base(A);
  CHECK(buf >> 32 == base >> 32);
  CHECK(sfi_ptr(A, buf, 65536, 1) == (void *)(uintptr_t)buf);
  CHECK(sfi_ptr(A, buf, 0, 0) != NULL);
  CHECK(sfi_ptr(A, base, 1, 0) == NULL); /* NULL guard */
  CHECK(sfi_ptr(A, base + 0x10, 1, 0) == NULL);
  CHECK(sfi_ptr(A, buf - base, 4, 0) == NULL); /* upper bits missing */
  CHECK(sfi_ptr(A, buf + 0x100000000ULL, 4, 0) == NULL); /* next region */
  CHECK(sfi_ptr(A, buf, ~0ULL, 0) == NULL); /* overflowing length */
  CHECK(sfi_ptr(A, buf, 0x100000000ULL, 0) == NULL);
  CHECK(sfi_ptr(A, base + 0xfffffff0ULL, 0x20, 0) == NULL); /* past end */
  /* the region's top is above the heap (the shadow stack follows the
   * image): nothing there for the host until the break reaches it */
  CHECK(sfi_ptr(A, base + 0xfffffff0ULL, 0x10, 0) == NULL);
  CHECK(sfi_ptr(NULL, buf, 1, 0) == NULL);
  uint64_t add = sfi_lookup(A, "add");
  CHECK(sfi_ptr(A, add, 4, 0) != NULL); /* code is readable */
  CHECK(sfi_ptr(A, add, 4, 1) == NULL); /* but not writable */
  /* The range crossing the end of the image's last page. */
  char hello[] = "hello, sandbox";
  CHECK_EQ(sfi_copy_in(A, buf, hello, sizeof hello), SFI_OK);
  char out[64];
  CHECK_EQ(sfi_copy_string_out(A, out, sizeof out, buf), SFI_OK);
  CHECK(strcmp(out, hello) == 0);
  CHECK_EQ(sfi_copy_string_out(A, out, 5, buf), SFI_ERR_INVALID);
  CHECK_EQ(sfi_copy_string_out(A, out, sizeof out, base + 8), SFI_ERR_INVALID);
  CHECK_EQ(sfi_copy_string_out(A, out, sizeof out, (uint64_t)(uintptr_t)hello),
           SFI_ERR_INVALID);
  memset(out, 0, sizeof out);
  CHECK_EQ(sfi_copy_out(A, out, buf, 5), SFI_OK);
  CHECK(memcmp(out, "hello", 5) == 0);
  CHECK_EQ(sfi_copy_out(A, out, base, 5), SFI_ERR_INVALID);
  CHECK_EQ(sfi_copy_in(A, add, hello, 4), SFI_ERR_INVALID);
  CHECK_EQ(sfi_copy_in(A, base + 0xffffffffULL, hello, 2), SFI_ERR_INVALID);
  /* No malloc export in this module. */
  CHECK(sfi_malloc(A, 16) == 0);
  sfi_free(A, buf); /* no-op, no crash */
  /* Userdata. */
  int token;
  sfi_set_userdata(A, &token);
  CHECK(sfi_userdata(A) == &token);
  CHECK(sfi_userdata(NULL) == NULL);
}

/* The module image lives in a sealed memfd: nobody can write it, not
 * even through a descriptor that leaked. */
static void test_sealed_image(void) {
  int found = 0;
  for (int fd = 0; fd < 1024; fd++) {
    char p[64], l[256];
    snprintf(p, sizeof p, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(p, l, sizeof l - 1);
    if (n <= 0)
      continue;
    l[n] = 0;
    if (!strstr(l, "memfd:sfi-module"))
      continue;
    found++;
    CHECK(fd >= 3);
    CHECK(pwrite(fd, "x", 1, 0) < 0);
    CHECK(mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) ==
          MAP_FAILED);
  }
  CHECK(found >= 1);
}

static void test_reset_ctors(void) {
  sfi_val r;
  CHECK_EQ(sfi_call(A, "get_ctor", ":i", NULL, &r), SFI_OK);
  CHECK_EQ(r.i32, 42);
  CHECK_EQ(sfi_call(A, "bump", ":i", NULL, &r), SFI_OK);
  CHECK_EQ(sfi_call(A, "bump", ":i", NULL, &r), SFI_OK);
  CHECK_EQ(r.i32, 7);
  sfi_val a = SFI_I64(1 << 20);
  CHECK_EQ(sfi_call(A, "do_sbrk", "I:I", &a, &r), SFI_OK);
  uint64_t heap = r.ptr;
  CHECK(sfi_ptr(A, heap, 1 << 20, 1) != NULL);
  CHECK_EQ(sfi_instance_reset(A), SFI_OK);
  CHECK(sfi_ptr(A, heap, 1 << 20, 1) == NULL); /* heap released */
  CHECK_EQ(sfi_call(A, "bump", ":i", NULL, &r), SFI_OK);
  CHECK_EQ(r.i32, 6); /* data back to its initial value */
  CHECK_EQ(sfi_call(A, "get_ctor", ":i", NULL, &r), SFI_OK);
  CHECK_EQ(r.i32, 42); /* constructors ran once again */
  a = SFI_I64(16);
  CHECK_EQ(sfi_call(A, "do_sbrk", "I:I", &a, &r), SFI_OK);
  CHECK_EQ(r.ptr, heap); /* break back at the start */
  CHECK_EQ(sfi_instance_reset(NULL), SFI_ERR_INVALID);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: test_calls module.so\n");
    return 2;
  }
  mod = sfi_module_load(argv[1], imports, NULL);
  CHECK(mod != NULL);
  if (!mod)
    return t_done("test_calls");
  A = sfi_instance_new(mod, NULL);
  B = sfi_instance_new(mod, NULL);
  CHECK(A && B);
  if (!A || !B)
    return t_done("test_calls");
  CHECK(sfi_region_base(A) % (1ULL << 32) == 0);
  CHECK(sfi_region_base(A) != sfi_region_base(B));
  test_signatures();
  test_bound();
  test_imports_nested();
  test_funcptrs_callbacks();
  test_memory();
  test_reset_ctors();
  test_sealed_image();
  sfi_module_free(mod); /* refused: instances alive */
  CHECK_MSG("live instances");
  sfi_instance_free(A);
  sfi_instance_free(B);
  sfi_module_free(mod);
  sfi_module_free(NULL);
  sfi_instance_free(NULL);
  return t_done("test_calls");
}
