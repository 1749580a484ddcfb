/* test_protect.c: fault injection for the runtime's re-protections. This
 * program defines mprotect itself (the static runtime binds to it) and makes
 * chosen calls fail: every operation that cannot restore a protection
 * (RELRO, callback slots, callback thunks) must fail with a message and
 * leave the instance unusable (no call, no reset, only free). Test-only:
 * the runtime knows nothing of it.   usage: test_protect tmod.so */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "t.h"

/* Fail the (skip+1)-th next mprotect to exactly fail_prot. */
static int fail_prot = -1, fail_skip;

int mprotect(void *addr, size_t len, int prot) {
  if (fail_prot >= 0 && prot == fail_prot && fail_skip-- == 0) {
    fail_prot = -1;
    errno = ENOMEM;
    return -1;
  }
  return (int)syscall(SYS_mprotect, addr, len, prot);
}

/* RELRO's protection once relocated: read+exec in the compact instance
 * layout (it joins the code mapping), read-only with one mapping per
 * segment (SFI_LAYOUT_SEGMENTS). The layout shows in /proc/self/maps. */
static int ro_prot = PROT_READ;
static int compact_layout(void) {
  FILE *f = fopen("/proc/self/maps", "r");
  char line[512];
  int found = 0;
  while (f && fgets(line, sizeof line, f))
    found |= strstr(line, "sfi-module-map") != NULL;
  if (f)
    fclose(f);
  return found;
}

static void fail_next(int prot, int skip) {
  fail_prot = prot;
  fail_skip = skip;
}

static long host_twice(long x) { return 2 * x; }
static long host_any(long x) { return x; }
T_TMOD_IMPORTS(imports, host_twice, host_any, host_any, host_any);

/* The instance must refuse calls and reset from now on. */
static void check_unusable(sfi_instance *in) {
  sfi_val a[2] = {SFI_I32(20), SFI_I32(22)}, r = {0};
  CHECK_EQ(sfi_call(in, "add", "ii:i", a, &r), SFI_ERR_TRAPPED);
  CHECK_MSG("unusable");
  CHECK(sfi_instance_reset(in) != SFI_OK);
  CHECK_EQ(sfi_call(in, "add", "ii:i", a, &r), SFI_ERR_TRAPPED);
}

static void check_usable(sfi_instance *in) {
  sfi_val a[2] = {SFI_I32(20), SFI_I32(22)}, r = {0};
  CHECK_EQ(sfi_call(in, "add", "ii:i", a, &r), SFI_OK);
  CHECK_EQ(r.i32, 42);
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  sfi_module *m = sfi_module_load(argv[1], imports, NULL);
  CHECK(m != NULL);
  if (!m)
    return t_done("test_protect");
  sfi_instance *probe = sfi_instance_new(m, NULL);
  CHECK(probe != NULL);
  int compact = compact_layout();
  CHECK_EQ(compact, getenv("SFI_LAYOUT_SEGMENTS") == NULL);
  if (compact)
    ro_prot = PROT_READ | PROT_EXEC;
  sfi_instance_free(probe);
  sfi_release_cached(); /* the next creation maps its region afresh */
  /* Creation: RELRO cannot be made read-only. */
  fail_next(ro_prot, 0);
  CHECK(sfi_instance_new(m, NULL) == NULL);
  CHECK_MSG("RELRO");
  /* A callback slot's page cannot be made read-only again. */
  sfi_instance *in = sfi_instance_new(m, NULL);
  CHECK(in != NULL);
  check_usable(in);
  /* compact: the thunk pages' creation and the thunk's rewrite come first
   * (both read+exec) */
  fail_next(ro_prot, compact ? 2 : 0);
  CHECK(sfi_callback_new(in, "I:I", (void *)host_twice) == 0);
  CHECK_MSG("read-only again");
  check_unusable(in);
  sfi_instance_free(in);
  /* The callback thunks cannot be made executable again (the first
   * read+exec is the thunk pages' creation, the second the rewrite). */
  in = sfi_instance_new(m, NULL);
  fail_next(PROT_READ | PROT_EXEC, 1);
  CHECK(sfi_callback_new(in, "I:I", (void *)host_twice) == 0);
  CHECK_MSG("callback thunk");
  check_unusable(in);
  sfi_instance_free(in);
  /* Freeing a callback cannot rewrite its thunk: it would stay callable. */
  in = sfi_instance_new(m, NULL);
  uint64_t cb = sfi_callback_new(in, "I:I", (void *)host_twice);
  CHECK(cb != 0);
  fail_next(PROT_READ | PROT_EXEC, 0);
  sfi_callback_free(in, cb);
  check_unusable(in);
  sfi_instance_free(in);
  /* A reset leaves RELRO alone (no mprotect) while nothing changed it. */
  in = sfi_instance_new(m, NULL);
  fail_next(ro_prot, 0);
  CHECK_EQ(sfi_instance_reset(in), SFI_OK);
  fail_prot = -1;
  check_usable(in);
  sfi_instance_free(in);
  /* Reset cannot make RELRO read-only again (a callback slot in it was
   * written, so reset restores it). */
  in = sfi_instance_new(m, NULL);
  check_usable(in);
  CHECK(sfi_callback_new(in, "I:I", (void *)host_twice) != 0);
  fail_next(ro_prot, 0);
  CHECK(sfi_instance_reset(in) != SFI_OK);
  CHECK_MSG("RELRO");
  check_unusable(in);
  sfi_instance_free(in);
  /* Nothing injected: all is well. */
  in = sfi_instance_new(m, NULL);
  cb = sfi_callback_new(in, "I:I", (void *)host_twice);
  CHECK(cb != 0);
  sfi_val a[2] = {SFI_PTR(cb), SFI_I64(21)}, r = {0};
  CHECK_EQ(sfi_call(in, "call_fp", "pI:I", a, &r), SFI_OK);
  CHECK_EQ(r.i64, 42);
  CHECK_EQ(sfi_instance_reset(in), SFI_OK);
  check_usable(in);
  sfi_instance_free(in);
  sfi_module_free(m);
  return t_done("test_protect");
}
