/* test_taint.c: the small API completions (sfi_is_trap, SFI_VERSION,
 * sfi_strerror for every code) and the tainted-value helpers (sfi_sptr,
 * sfi_sptr_check, sfi_fetch, sfi_fetch_verify, sfi_fetch_string,
 * sfi_store) against forged pointers into host memory, sizes that wrap,
 * fields the sandbox changes between two reads, and a string another
 * thread keeps changing while the host copies it.  test_taint tmod.so */
#include <pthread.h>
#include <stdint.h>

#include "sfi_abi.h"
#include "t.h"

static sfi_instance *in;

/* ---- 1. codes ---- */
static const int codes[] = {
    SFI_OK,           SFI_ERR_INVALID, SFI_ERR_NOMEM,    SFI_ERR_IO,
    SFI_ERR_BADMODULE, SFI_ERR_IMPORT, SFI_ERR_NOTFOUND, SFI_ERR_TRAPPED,
    SFI_ERR_EXIT,     SFI_TRAP_OOB,    SFI_TRAP_STACK,   SFI_TRAP_DIV,
    SFI_TRAP_ILLEGAL, SFI_TRAP_BREAK,  SFI_TRAP_ABORT,   SFI_TRAP_TIMEOUT,
    SFI_TRAP_FPE};
#define NCODES (int)(sizeof codes / sizeof codes[0])

static void test_codes(void) {
  CHECK_EQ(sfi_version(), SFI_VERSION);
  CHECK_EQ(SFI_VERSION, SFI_VERSION_MAJOR * 10000 + SFI_VERSION_MINOR * 100 +
                            SFI_VERSION_PATCH);
  CHECK(SFI_VERSION >= 20100);
  int known = 0;
  for (int c = -1000; c <= 1000; c++) {
    const char *s = sfi_strerror(c);
    CHECK(s != NULL);
    int listed = 0, trap = 0;
    for (int i = 0; i < NCODES; i++)
      if (codes[i] == c) {
        listed = 1;
        trap = c <= -20;
      }
    if (listed) {
      known++;
      CHECK(s && strcmp(s, "unknown error") != 0 && s[0]);
      for (int i = 0; i < NCODES; i++) /* names are distinct */
        if (codes[i] != c)
          CHECK(strcmp(s, sfi_strerror(codes[i])) != 0);
    } else {
      /* A code missing from the list above but named by sfi_strerror
       * would be an undocumented code: fail so the test gets updated. */
      CHECK(s && strcmp(s, "unknown error") == 0);
    }
    CHECK_EQ(sfi_is_trap(c), trap);
  }
  CHECK_EQ(known, NCODES);
  /* A real trap's code is a trap, a host error is not. */
  sfi_val a = SFI_PTR(16), r;
  int rc = sfi_call(in, "deref", "p:i", &a, &r);
  CHECK(sfi_is_trap(rc));
  CHECK(!sfi_is_trap(sfi_call(in, "deref", "p:i", &a, &r))); /* TRAPPED */
  CHECK_EQ(sfi_instance_reset(in), SFI_OK);
  CHECK(!sfi_is_trap(sfi_call(in, "no_such", ":v", NULL, NULL)));
}

/* ---- 2. forged pointers and wrapping sizes ---- */
static int host_secret = 0x5ec2e7;

static void expect_refused(sfi_sptr p, uint64_t n, const char *what) {
  uint8_t dst[64];
  memset(dst, 0xa5, sizeof dst);
  size_t cn = n < sizeof dst ? (size_t)n : sizeof dst;
  int bad = 0;
  bad += sfi_sptr_check(in, p, n, 0) != NULL;
  bad += sfi_sptr_check(in, p, n, 1) != NULL;
  if (n <= sizeof dst) {
    bad += sfi_fetch(in, p, dst, cn) != SFI_ERR_INVALID;
    for (size_t i = 0; i < sizeof dst; i++)
      bad += dst[i] != 0xa5; /* untouched */
    bad += sfi_store(in, p, dst, cn) != SFI_ERR_INVALID;
    char s[16] = "xyz";
    bad += sfi_fetch_string(in, p, s, sizeof s) != SFI_ERR_INVALID;
    bad += s[0] != 0;
  }
  if (bad)
    fprintf(stderr, "not refused: %s (0x%llx, %llu)\n", what,
            (unsigned long long)p.a, (unsigned long long)n);
  CHECK_EQ(bad, 0);
}

static void test_forged(uint64_t buf, sfi_instance *other) {
  uint64_t base = sfi_region_base(in);
  int local = 7;
  void *heap = malloc(64);
  expect_refused(SFI_SPTR(&host_secret), 4, "host data");
  expect_refused(SFI_SPTR(&local), 4, "host stack");
  expect_refused(SFI_SPTR(heap), 8, "host heap");
  expect_refused(SFI_SPTR((uintptr_t)&test_forged), 8, "host code");
  expect_refused(SFI_SPTR_NULL, 1, "NULL");
  expect_refused(SFI_SPTR(base), 8, "region base (unmapped first MiB)");
  expect_refused(SFI_SPTR(base + SFI_FOLD_MAX + SFI_MAX_ACCESS - 8), 8,
                 "the guard's reach from the region below (never mapped)");
  /* Nothing at all is mapped there, whatever sfi_ptr says. */
  {
    FILE *f = fopen("/proc/self/maps", "r");
    char line[512];
    int mapped = 0;
    while (f && fgets(line, sizeof line, f)) {
      unsigned long lo, hi;
      char perms[8];
      if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) == 3 &&
          perms[0] != '-' && lo < base + SFI_FOLD_MAX + SFI_MAX_ACCESS &&
          hi > base)
        mapped++;
    }
    if (f)
      fclose(f);
    CHECK_EQ(mapped, 0);
  }
  /* The import stubs may sit in the guard's top pages (compact layout):
   * never writable. */
  CHECK(sfi_sptr_check(in, SFI_SPTR(base + SFI_GUARD_SIZE - 8), 8, 1) == NULL);
  CHECK_EQ(sfi_store(in, SFI_SPTR(base + SFI_GUARD_SIZE - 8), "AAAAAAAA", 8),
           SFI_ERR_INVALID);
  /* Nothing is mapped at the region's top (the shadow stack follows the
   * image): a store there is refused too. */
  CHECK_EQ(sfi_store(in, SFI_SPTR(base + SFI_REGION_SIZE - 4), "AAAA", 4),
           SFI_ERR_INVALID);
  expect_refused(SFI_SPTR(base + SFI_REGION_SIZE - 4), 8,
                 "across the region's top");
  expect_refused(SFI_SPTR(base + SFI_REGION_SIZE), 8, "next region");
  expect_refused(SFI_SPTR(sfi_region_base(other) + (buf - base)), 8,
                 "another instance's buffer");
  /* The sandbox's offsets, not absolute addresses, in the low 4 GiB. */
  expect_refused(SFI_SPTR(buf - base), 8, "an offset instead of an address");
  /* A store through a forged pointer leaves host memory alone. */
  int v = 1;
  CHECK_EQ(sfi_store(in, SFI_SPTR(&host_secret), &v, sizeof v),
           SFI_ERR_INVALID);
  CHECK_EQ(host_secret, 0x5ec2e7);
  /* Sizes that wrap or run out of the region. */
  sfi_sptr p = SFI_SPTR(buf);
  CHECK(sfi_sptr_check(in, p, 64, 1) == (void *)buf);
  expect_refused(p, UINT64_MAX, "size UINT64_MAX");
  expect_refused(p, UINT64_MAX - 0xfff, "size that wraps the address space");
  expect_refused(p, SFI_REGION_SIZE, "size of the whole region");
  expect_refused(p, (uint64_t)1 << 63, "size 2^63");
  expect_refused(sfi_sptr_add(p, (uint64_t)0 - buf + (uintptr_t)heap), 8,
                 "pointer arithmetic into the host heap");
  expect_refused(sfi_sptr_add(SFI_SPTR(base), ~0ULL), 2,
                 "base - 1 (wrapped), across the region's bottom");
  uint8_t big[16];
  CHECK_EQ(sfi_fetch(in, p, big, SIZE_MAX), SFI_ERR_INVALID);
  /* Read-only code is fetchable but not writable. */
  uint64_t fn = sfi_lookup(in, "add");
  CHECK(fn && sfi_sptr_check(in, SFI_SPTR(fn), 16, 0) != NULL);
  CHECK(sfi_sptr_check(in, SFI_SPTR(fn), 16, 1) == NULL);
  CHECK_EQ(sfi_store(in, SFI_SPTR(fn), big, 16), SFI_ERR_INVALID);
  /* A string that runs into unmapped memory: find the end of buf's
   * mapping and put unterminated bytes just before it. */
  uint64_t end = buf;
  while (sfi_sptr_check(in, SFI_SPTR(end), 4096, 1))
    end += 4096;
  while (sfi_sptr_check(in, SFI_SPTR(end), 1, 1))
    end++;
  /* What follows is not readable either (else the string would go on). */
  int readable_after = sfi_sptr_check(in, SFI_SPTR(end), 1, 0) != NULL;
  CHECK(end > buf);
  uint8_t *tail = sfi_sptr_check(in, SFI_SPTR(end - 8), 8, 1);
  CHECK(tail != NULL);
  if (tail) {
    memset(tail, 'A', 8);
    char s[64];
    if (!readable_after) {
      CHECK_EQ(sfi_fetch_string(in, SFI_SPTR(end - 8), s, sizeof s),
               SFI_ERR_INVALID);
      CHECK_MSG("of mapped memory");
      CHECK_EQ(s[0], 0);
    }
    tail[7] = 0;
    CHECK_EQ(sfi_fetch_string(in, SFI_SPTR(end - 8), s, sizeof s), 7);
    CHECK(strcmp(s, "AAAAAAA") == 0);
    CHECK_EQ(sfi_fetch_string(in, SFI_SPTR(end - 8), s, 7), SFI_ERR_INVALID);
    CHECK_MSG("buffer's size");
  }
  free(heap);
}

/* ---- 3. a field changed between two reads ---- */
struct req { /* the sandbox's struct, mirrored with a tainted pointer */
  uint32_t len;
  uint32_t flags;
  sfi_sptr data;
};
static uint64_t req_at; /* where the sandbox keeps it */
static int validator_calls;

/* Accepts len <= 64; while "deciding", the sandbox runs (the host calls
 * into it) and rewrites len in its memory. */
static int req_ok(const void *copy, size_t n, void *ctx) {
  (void)ctx;
  const struct req *r = copy;
  validator_calls++;
  if (n != sizeof *r || r->len > 64)
    return 0;
  sfi_val a[2] = {SFI_PTR(req_at), SFI_I64(1L << 30)};
  sfi_call(in, "poke", "pI:v", a, NULL); /* len (and flags) := 1<<30 */
  return r->len <= 64;
}

static void test_double_fetch(uint64_t buf) {
  req_at = buf + 1024;
  struct req r = {.len = 16, .flags = 0, .data = SFI_SPTR(buf)};
  CHECK_EQ(sfi_store(in, SFI_SPTR(req_at), &r, sizeof r), SFI_OK);
  struct req got;
  memset(&got, 0xee, sizeof got);
  CHECK_EQ(sfi_fetch_verify(in, SFI_SPTR(req_at), &got, sizeof got, req_ok,
                            NULL),
           SFI_OK);
  CHECK_EQ(validator_calls, 1);
  /* The sandbox did change the field ... */
  uint32_t now;
  CHECK_EQ(sfi_fetch(in, SFI_SPTR(req_at), &now, sizeof now), SFI_OK);
  CHECK_EQ(now, 1u << 30);
  /* ... so a host that re-read it would use 1 GiB; the copy keeps what
   * was validated. */
  CHECK_EQ(got.len, 16);
  CHECK_EQ(got.data.a, buf);
  CHECK(sfi_sptr_check(in, got.data, got.len, 0) != NULL);
  /* The naive pattern, for contrast: check in place, let the sandbox run,
   * read again: the second read sees the forged length. */
  CHECK_EQ(sfi_store(in, SFI_SPTR(req_at), &r, sizeof r), SFI_OK);
  volatile struct req *live = sfi_sptr_check(in, SFI_SPTR(req_at), sizeof r, 0);
  CHECK(live && live->len <= 64);
  sfi_val a[2] = {SFI_PTR(req_at), SFI_I64(1L << 30)};
  sfi_call(in, "poke", "pI:v", a, NULL);
  CHECK(live && live->len > 64); /* what the rule is about */
  /* Rejection zeroes the copy. */
  memset(&got, 0xee, sizeof got);
  CHECK_EQ(sfi_fetch_verify(in, SFI_SPTR(req_at), &got, sizeof got, req_ok,
                            NULL),
           SFI_ERR_INVALID);
  CHECK_EQ(got.len, 0);
  CHECK_EQ(got.data.a, 0);
  /* A bad range never reaches the validator. */
  int before = validator_calls;
  CHECK_EQ(sfi_fetch_verify(in, SFI_SPTR(&host_secret), &got, sizeof got,
                            req_ok, NULL),
           SFI_ERR_INVALID);
  CHECK_EQ(validator_calls, before);
  CHECK_EQ(sfi_fetch_verify(in, SFI_SPTR(req_at), &got, sizeof got, NULL,
                            NULL),
           SFI_ERR_INVALID);
}

/* ---- 4. a string changed while it is copied ---- */
static volatile int stop;
static volatile char *flip;
static void *flipper(void *arg) {
  (void)arg;
  while (!stop) {
    flip[63] = 0; /* the string is 63 'A's, terminated or not */
    flip[63] = 'A';
  }
  return NULL;
}

static void test_race(uint64_t buf) {
  char *s = sfi_sptr_check(in, SFI_SPTR(buf + 4096), 128, 1);
  CHECK(s != NULL);
  if (!s)
    return;
  memset(s, 'A', 128);
  flip = s;
  pthread_t th;
  stop = 0;
  pthread_create(&th, NULL, flipper, NULL);
  int ok = 0, refused = 0, broken = 0;
  for (int i = 0; i < 200000; i++) {
    char dst[64];
    memset(dst, 'Z', sizeof dst);
    int n = (i & 1) ? sfi_fetch_string(in, SFI_SPTR(buf + 4096), dst,
                                       sizeof dst)
                    : (sfi_copy_string_out(in, dst, sizeof dst, buf + 4096) ==
                               SFI_OK
                           ? (int)strnlen(dst, sizeof dst)
                           : SFI_ERR_INVALID);
    if (n >= 0) {
      ok++;
      /* Terminated inside the buffer, and the length is the copy's. */
      broken += memchr(dst, 0, sizeof dst) == NULL || n != 63 ||
                strlen(dst) != (size_t)n;
    } else {
      refused++;
      broken += n != SFI_ERR_INVALID || dst[0] != 0;
    }
  }
  stop = 1;
  pthread_join(th, NULL);
  fprintf(stderr, "racing string: %d copied, %d refused, %d broken\n", ok,
          refused, broken);
  CHECK_EQ(broken, 0);
  CHECK(ok + refused == 200000);
}

/* ---- 5. values through calls stay typed ---- */
static void test_vals(void) {
  sfi_val r;
  CHECK_EQ(sfi_call(in, "getbuf", ":p", NULL, &r), SFI_OK);
  sfi_sptr p = sfi_sptr_of(r);
  CHECK(!sfi_sptr_is_null(p));
  sfi_val v = sfi_val_sptr(p);
  CHECK_EQ(v.ptr, p.a);
  int32_t x = 0x1234567;
  CHECK_EQ(sfi_store(in, p, &x, 4), SFI_OK);
  sfi_val a = sfi_val_sptr(p);
  CHECK_EQ(sfi_call(in, "deref", "p:i", &a, &r), SFI_OK);
  CHECK_EQ(r.i32, 0x1234567);
  CHECK_EQ(sizeof(sfi_sptr), sizeof(void *));
  CHECK_EQ(_Alignof(sfi_sptr), _Alignof(void *));
}

static int64_t host_twice(int64_t x) { return 2 * x; }
static int64_t host_nop(int64_t x) { return x; }

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  sfi_import imps[] = {{"host_twice", "I:I", (void *)host_twice},
                       {"host_depth", "I:I", (void *)host_nop},
                       {"host_reenter", "I:I", (void *)host_nop},
                       {"host_block", "I:I", (void *)host_nop},
                       {NULL, NULL, NULL}};
  sfi_module *m = sfi_module_load(argv[1], imps, NULL);
  CHECK(m != NULL);
  if (!m)
    return t_done("test_taint");
  in = sfi_instance_new(m, NULL);
  sfi_instance *other = sfi_instance_new(m, NULL);
  CHECK(in && other);
  if (in && other) {
    sfi_val r;
    CHECK_EQ(sfi_call(in, "getbuf", ":p", NULL, &r), SFI_OK);
    test_codes();
    test_forged(r.ptr, other);
    test_double_fetch(r.ptr);
    test_race(r.ptr);
    test_vals();
  }
  sfi_instance_free(other);
  sfi_instance_free(in);
  sfi_module_free(m);
  return t_done("test_taint");
}
