/* test_boundary.c: attacks on the call-in fast path. The %gs base: a host
 * that uses %gs itself gets it back, a host that changes it between calls
 * cannot make a sandbox run on the stale base, a nested call into another
 * instance leaves the caller's base; calls made from signal handlers (at
 * any point of another call, from a timer) land in their own instance;
 * a trap in the middle of calls leaves the host able to call again;
 * canaries outside the regions stay unchanged throughout. Also the life
 * cycle's edges: reset with every page locked (mlockall), and freeing over
 * vm.max_map_count never unmaps what the region below can reach. */
#include <asm/prctl.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>

#include "sfi_abi.h"
#include "t.h"

/* The runtime's mmap and munmap calls come here (the executable's
 * definitions win over libc's for the static runtime). While an instance
 * of region watch_base is freed, the remap of the whole region fails as
 * over vm.max_map_count (where every mmap fails, even one that would lower
 * the count), so the runtime takes its other path, and nothing may be
 * unmapped in the part of the guard that an access from the region below
 * reaches (review: that path unmapped from half the guard, 256 bytes
 * inside the reach, so another thread's mapping could land there). */
static uint64_t watch_base;
static int watch_all; /* every region freed (kept ones dropped) */
static long unmaps_in_region, unmaps_in_reach;
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off) {
  if ((watch_all || (watch_base && (uint64_t)addr == watch_base)) &&
      len == SFI_REGION_SIZE && (flags & MAP_FIXED)) {
    errno = ENOMEM;
    return MAP_FAILED;
  }
  return (void *)syscall(SYS_mmap, addr, len, prot, flags, fd, off);
}
int munmap(void *addr, size_t len) {
  uint64_t lo = (uint64_t)addr;
  if (watch_base && lo >= watch_base && lo < watch_base + SFI_REGION_SIZE) {
    unmaps_in_region++;
    if (lo < watch_base + SFI_FOLD_MAX + SFI_MAX_ACCESS)
      unmaps_in_reach++;
  } else if (watch_all) { /* only region frees run meanwhile */
    unmaps_in_region++;
    if ((lo & (SFI_REGION_SIZE - 1)) < SFI_FOLD_MAX + SFI_MAX_ACCESS)
      unmaps_in_reach++;
  }
  return (int)syscall(SYS_munmap, addr, len);
}

static sfi_module *mod;
static sfi_instance *A, *B;
static volatile int nest_into_b;
static volatile long canary_lo[64], canary_hi[64];

static uint64_t gs_get(void) {
  unsigned long v = 0;
  syscall(SYS_arch_prctl, ARCH_GET_GS, &v);
  return v;
}
static void gs_set(uint64_t v) { syscall(SYS_arch_prctl, ARCH_SET_GS, v); }

/* Offset 0x100 of a region's scratch buffer `buf`. */
static uint64_t cell(sfi_instance *in, int i) {
  sfi_val r;
  CHECK_EQ(sfi_call(in, "getbuf", ":p", NULL, &r), SFI_OK);
  return r.ptr + 0x100 + 8 * (uint64_t)i;
}
static long peek(sfi_instance *in, int i) {
  long v = 0;
  CHECK_EQ(sfi_copy_out(in, &v, cell(in, i), 8), SFI_OK);
  return v;
}
static int poke(sfi_instance *in, uint64_t p, long v) {
  sfi_val a[2] = {SFI_PTR(p), SFI_I64(v)};
  return sfi_call(in, "poke", "pI:v", a, NULL);
}

static int64_t host_twice(int64_t x) {
  if (nest_into_b) /* from A's poke_after: call into B, then return to A */
    CHECK_EQ(poke(B, cell(B, 1), x + 1), SFI_OK);
  return 2 * x;
}
T_TMOD_IMPORTS(imports, host_twice, host_twice, host_twice, host_twice);

static long host_buf[1 << 10];

/* The shadow stack (8 MiB by default): the 8 MiB right below the heap's
 * start, which is the break of a fresh or reset instance (data and bss may
 * share its mapping below it: runtime/instance.c). */
static long *shadow_stack(sfi_instance *in, uint64_t *size) {
  *size = 8 << 20;
  sfi_val a = SFI_I64(0), r;
  if (sfi_call(in, "do_sbrk", "I:I", &a, &r) != SFI_OK)
    return NULL;
  return sfi_ptr(in, r.ptr - *size, *size, 1);
}

static void check_canaries(void) {
  for (int i = 0; i < 64; i++) {
    CHECK_EQ(canary_lo[i], 0x5a5a5a5a5a5a5a5aLL);
    CHECK_EQ(canary_hi[i], 0x5a5a5a5a5a5a5a5aLL);
  }
  for (int i = 0; i < (int)(sizeof host_buf / sizeof host_buf[0]); i++)
    if (host_buf[i] != 0) {
      CHECK_EQ(host_buf[i], 0);
      break;
    }
}

/* A host with a %gs base of its own (pointing at its own memory) gets it
 * back after every call, and the sandbox's writes stay in its region. */
static void test_host_gs(void) {
  uint64_t mine = (uint64_t)host_buf;
  gs_set(mine);
  uint64_t p = cell(A, 0);
  CHECK_EQ(gs_get(), mine);
  for (int i = 1; i <= 100; i++) {
    CHECK_EQ(poke(A, p, i), SFI_OK);
    CHECK_EQ(gs_get(), mine);
  }
  CHECK_EQ(peek(A, 0), 100);
  CHECK_EQ(gs_get(), mine);
  gs_set(0);
  check_canaries();
}

/* A thread with base 0 may find a region base in %gs between calls; if the
 * host then points %gs elsewhere, the next call must still switch. */
static void test_gs_changed_between_calls(void) {
  uint64_t p = cell(A, 2);
  CHECK_EQ(poke(A, p, 1), SFI_OK);
  gs_set((uint64_t)host_buf); /* the host moves %gs under the runtime */
  CHECK_EQ(poke(A, p, 2), SFI_OK);
  CHECK_EQ(gs_get(), (uint64_t)host_buf); /* the host's base is its own */
  CHECK_EQ(peek(A, 2), 2);
  gs_set(sfi_region_base(B)); /* even to another instance's base */
  CHECK_EQ(poke(A, p, 3), SFI_OK);
  CHECK_EQ(peek(A, 2), 3);
  CHECK_EQ(peek(B, 2), 0);
  gs_set(0);
  CHECK_EQ(poke(A, p, 4), SFI_OK);
  CHECK_EQ(peek(A, 2), 4);
  check_canaries();
}

/* A -> import -> B -> back in A, which then writes: into A, not B. */
static void test_nested_gs(void) {
  uint64_t pa = cell(A, 3);
  for (int i = 0; i < 50; i++) {
    nest_into_b = 1;
    sfi_val a[2] = {SFI_PTR(pa), SFI_I64(1000 + i)};
    CHECK_EQ(sfi_call(A, "poke_after", "pI:v", a, NULL), SFI_OK);
    nest_into_b = 0;
    CHECK_EQ(peek(A, 3), 1000 + i);
    CHECK_EQ(peek(B, 1), 1001 + i);
    CHECK_EQ(peek(B, 3), 0);
  }
  check_canaries();
}

/* Traps between fast calls: each leaves the host able to call again, and
 * the %gs state consistent for both kinds of host. */
static void test_trap_then_call(void) {
  sfi_instance *T = sfi_instance_new(mod, NULL);
  CHECK(T != NULL);
  for (int round = 0; round < 2; round++) {
    if (round == 1)
      gs_set((uint64_t)host_buf);
    for (int i = 0; i < 200; i++) {
      sfi_val a = SFI_PTR(sfi_region_base(T) + 16); /* the unmapped guard */
      CHECK(sfi_call(T, "deref", "p:i", &a, NULL) == SFI_TRAP_OOB);
      CHECK_EQ(sfi_instance_reset(T), SFI_OK);
      CHECK_EQ(poke(A, cell(A, 4), i), SFI_OK);
      sfi_val d[2] = {SFI_I32(7), SFI_I32(0)};
      CHECK(sfi_call(T, "divi", "ii:i", d, NULL) == SFI_TRAP_DIV);
      CHECK_EQ(sfi_instance_reset(T), SFI_OK);
      sfi_val s[2] = {SFI_I32(i), SFI_I32(1)}, r;
      CHECK_EQ(sfi_call(T, "add", "ii:i", s, &r), SFI_OK);
      CHECK_EQ(r.i32, i + 1);
      if (round == 1)
        CHECK_EQ(gs_get(), (uint64_t)host_buf);
    }
    gs_set(0);
  }
  CHECK_EQ(peek(A, 4), 199);
  sfi_instance_free(T);
  check_canaries();
}

/* A timer interrupts A's calls anywhere (the host side of the call, the
 * sandbox, the way back); its handler calls into B. A call made while
 * A's call is being set up or torn down on the host stack is refused;
 * every other one must run in B, and A's writes must all land in A. */
static volatile long sig_ok, sig_refused, sig_bad;
static uint64_t sig_cell_b;
static void on_alarm(int s) {
  (void)s;
  sfi_val a[2] = {SFI_PTR(sig_cell_b), SFI_I64(sig_ok + 1)};
  int rc = sfi_call(B, "poke", "pI:v", a, NULL);
  if (rc == SFI_OK)
    sig_ok++;
  else if (rc == SFI_ERR_INVALID)
    sig_refused++;
  else
    sig_bad++;
}

static void test_signal_calls(void) {
  uint64_t pa = cell(A, 5);
  sig_cell_b = cell(B, 5);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alarm;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGALRM, &sa, NULL);
  struct itimerval it = {{0, 50}, {0, 50}};
  setitimer(ITIMER_REAL, &it, NULL);
  long n = 0;
  for (int round = 0; round < 400000 && (sig_ok + sig_refused) < 3000;
       round++) {
    CHECK_EQ(poke(A, pa, ++n), SFI_OK);
  }
  struct itimerval off = {{0, 0}, {0, 0}};
  setitimer(ITIMER_REAL, &off, NULL);
  signal(SIGALRM, SIG_DFL);
  fprintf(stderr, "signal calls: %ld ran, %ld refused, %ld failed; %ld calls "
                  "in A\n",
          sig_ok, sig_refused, sig_bad, n);
  CHECK_EQ(sig_bad, 0);
  CHECK(sig_ok > 0);
  CHECK_EQ(peek(A, 5), n);
  CHECK_EQ(peek(B, 5), sig_ok);
  CHECK_EQ(peek(A, 6), 0);
  check_canaries();
}

/* A reset must leave nothing from before: data, bss, the heap (also pages
 * kept mapped above the break), the shadow stack, callback slots. */
static int64_t host_cb(int64_t x) { return x + 1; }
static void test_reset_clean(void) {
  sfi_instance *R = sfi_instance_new(mod, NULL);
  CHECK(R != NULL);
  sfi_val r, a;
  for (int round = 0; round < 3; round++) {
    /* dirty everything */
    uint64_t p = cell(R, 7);
    CHECK_EQ(poke(R, p, 0x1111), SFI_OK);
    a = SFI_I64(3 << 20);
    CHECK_EQ(sfi_call(R, "do_sbrk", "I:I", &a, &r), SFI_OK);
    uint64_t heap = r.ptr;
    for (uint64_t off = 0; off < (3 << 20); off += 4096)
      CHECK_EQ(poke(R, heap + off, 0x2222), SFI_OK);
    uint64_t cb = sfi_callback_new(R, "I:I", (void *)host_cb);
    CHECK(cb != 0);
    sfi_val c[2] = {SFI_PTR(cb), SFI_I64(1)};
    CHECK_EQ(sfi_call(R, "call_fp", "pI:I", c, &r), SFI_OK);
    CHECK_EQ(r.i64, 2);
    if (round != 1) { /* fills the whole shadow stack; the pass's bound
                       * check (__sfi_ssp_limit) ends it */
      a = SFI_I32(200);
      CHECK_EQ(sfi_call(R, "shadow_deep", "i:i", &a, &r), SFI_TRAP_STACK);
      CHECK_MSG("shadow stack exhausted");
    }
    CHECK_EQ(sfi_instance_reset(R), SFI_OK);
    /* nothing left */
    CHECK_EQ(peek(R, 7), 0);
    CHECK(sfi_ptr(R, heap, 8, 0) == NULL); /* above the break */
    a = SFI_I64(3 << 20);
    CHECK_EQ(sfi_call(R, "do_sbrk", "I:I", &a, &r), SFI_OK);
    CHECK_EQ(r.ptr, heap);
    long *h = sfi_ptr(R, heap, 3 << 20, 0);
    CHECK(h != NULL);
    for (long i = 0; h && i < (3 << 20) / 8; i++)
      if (h[i]) {
        CHECK_EQ(h[i], 0);
        break;
      }
    uint64_t sz;
    long *sh = shadow_stack(R, &sz);
    CHECK(sh != NULL);
    for (long i = 0; sh && i < (long)(sz / 8); i++)
      if (sh[i]) {
        CHECK_EQ(sh[i], 0);
        break;
      }
    /* the old callback pointer no longer reaches the host */
    CHECK(sfi_call(R, "call_fp", "pI:I", c, &r) < SFI_ERR_EXIT);
    CHECK_EQ(sfi_instance_reset(R), SFI_OK);
    a = SFI_I64(-(3 << 20));
    CHECK_EQ(sfi_call(R, "do_sbrk", "I:I", &a, &r), SFI_OK);
  }
  sfi_instance_free(R);
  check_canaries();
}

/* A freed instance's region kept for the next instance of the module must
 * come with nothing from before (data, heap, shadow stack, a callback), and
 * a smaller memory limit must hold for the new one. */
static void test_warm_reuse(void) {
  sfi_release_cached();
  for (int round = 0; round < 4; round++) {
    sfi_instance *X = sfi_instance_new(mod, NULL);
    CHECK(X != NULL);
    uint64_t base = sfi_region_base(X);
    CHECK_EQ(poke(X, cell(X, 9), 0x3333), SFI_OK);
    sfi_val a = SFI_I64(64 << 20), r;
    CHECK_EQ(sfi_call(X, "do_sbrk", "I:I", &a, &r), SFI_OK);
    uint64_t heap = r.ptr;
    CHECK_EQ(poke(X, heap + (32 << 20), 0x4444), SFI_OK);
    a = SFI_I32(1);
    CHECK_EQ(sfi_call(X, "shadow_deep", "i:i", &a, &r), SFI_TRAP_STACK);
    uint64_t cb = 0;
    if (round == 3) { /* RELRO changed: the region must not be kept */
      cb = sfi_callback_new(X, "I:I", (void *)host_cb);
      CHECK(cb != 0);
    }
    sfi_instance_free(X);
    sfi_instance_options o = {0};
    o.mem_limit = round == 2 ? (256ULL << 20) : 0;
    sfi_instance *Y = sfi_instance_new(mod, &o);
    CHECK(Y != NULL);
    if (!Y)
      return;
    if (round < 3)
      CHECK_EQ(sfi_region_base(Y), base); /* it was reused */
    CHECK_EQ(peek(Y, 9), 0);
    CHECK(sfi_ptr(Y, heap + (32 << 20), 8, 0) == NULL);
    sfi_val p = SFI_PTR(heap + (32 << 20));
    CHECK_EQ(sfi_call(Y, "deref", "p:i", &p, NULL), SFI_TRAP_OOB);
    CHECK_EQ(sfi_instance_reset(Y), SFI_OK);
    uint64_t sz;
    long *sh = shadow_stack(Y, &sz);
    CHECK(sh != NULL);
    for (long i = 0; sh && i < (long)(sz / 8); i++)
      if (sh[i]) {
        CHECK_EQ(sh[i], 0);
        break;
      }
    if (round == 2) { /* the new limit holds */
      a = SFI_I64(300 << 20);
      CHECK_EQ(sfi_call(Y, "do_sbrk", "I:I", &a, &r), SFI_OK);
      CHECK_EQ(r.i64, -1);
    }
    if (cb) {
      sfi_val c[2] = {SFI_PTR(cb), SFI_I64(1)};
      CHECK(sfi_call(Y, "call_fp", "pI:I", c, &r) < SFI_ERR_EXIT);
    }
    sfi_instance_free(Y);
  }
  sfi_release_cached();
  check_canaries();
}

/* Running out of mappings: sfi_instance_new fails cleanly, naming
 * vm.max_map_count, and every instance made so far still works. Only
 * where the default limit is in force (higher limits hit the address
 * space first, which test_pool covers). */
static void test_map_count(void) {
  long limit = procstat_max_map_count();
  if (limit < 0 || limit > 70000) {
    fprintf(stderr, "test_map_count: skipped (vm.max_map_count %ld)\n", limit);
    return;
  }
  enum { MAX = 40000 };
  sfi_instance **v = calloc(MAX, sizeof *v);
  int n = 0;
  while (n < MAX && (v[n] = sfi_instance_new(mod, NULL)) != NULL)
    n++;
  CHECK(n < MAX);
  CHECK_MSG("vm.max_map_count");
  /* the hint names what this layout costs (review: it said 3 for the
   * six-mapping one too) */
  CHECK_MSG(getenv("SFI_LAYOUT_SEGMENTS") ? "every instance takes about 6"
                                          : "every instance takes about 3");
  fprintf(stderr, "test_map_count: %d instances, then: %s\n", n, sfi_errmsg());
  for (int i = 0; i < n; i += n / 50 + 1)
    CHECK_EQ(poke(v[i], cell(v[i], 0), i), SFI_OK);
  for (int i = 0; i < n; i++)
    sfi_instance_free(v[i]);
  free(v);
  sfi_instance *x = sfi_instance_new(mod, NULL);
  CHECK(x != NULL);
  sfi_instance_free(x);
}

/* Freeing when the region cannot be remapped (over vm.max_map_count, made
 * to fail here): the region's part above the reach of the region below is
 * unmapped and taken back, and later instances get working regions. */
static void test_free_over_limit(void) {
  enum { N = 40 }; /* freed, then dropped from the kept ones */
  sfi_instance *v[N];
  sfi_release_cached();
  for (int i = 0; i < N; i++) {
    v[i] = sfi_instance_new(mod, NULL);
    CHECK(v[i] != NULL);
    if (v[i])
      CHECK_EQ(poke(v[i], cell(v[i], 0), i), SFI_OK);
  }
  for (int i = 0; i < N; i++) {
    watch_base = v[i] ? sfi_region_base(v[i]) : 0;
    sfi_instance_free(v[i]);
  }
  watch_base = 0;
  watch_all = 1; /* the regions free kept go now */
  sfi_release_cached();
  watch_all = 0;
  fprintf(stderr, "test_free_over_limit: %ld unmaps inside freed regions, "
                  "%ld in the reach of the region below\n",
          unmaps_in_region, unmaps_in_reach);
  CHECK(unmaps_in_region > 0); /* the over-limit path ran */
  CHECK_EQ(unmaps_in_reach, 0);
  for (int i = 0; i < N; i++) {
    v[i] = sfi_instance_new(mod, NULL);
    CHECK(v[i] != NULL);
    if (v[i]) {
      CHECK_EQ(peek(v[i], 0), 0);
      CHECK_EQ(poke(v[i], cell(v[i], 0), i), SFI_OK);
    }
  }
  for (int i = 0; i < N; i++)
    sfi_instance_free(v[i]);
  check_canaries();
}

/* Reset and reuse with every page locked (a host that called
 * mlockall(MCL_CURRENT | MCL_FUTURE)): MADV_DONTNEED fails on locked
 * pages, and reset used to give up (instance broken; review). */
static void test_mlocked(void) {
  if (mlockall(MCL_CURRENT | MCL_FUTURE) != 0) {
    fprintf(stderr, "test_mlocked: skipped (mlockall: %s)\n",
            strerror(errno));
    return;
  }
  test_reset_clean();
  test_warm_reuse();
  munlockall();
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: test_boundary tmod.so\n");
    return 2;
  }
  for (int i = 0; i < 64; i++)
    canary_lo[i] = canary_hi[i] = 0x5a5a5a5a5a5a5a5aLL;
  mod = sfi_module_load(argv[1], imports, NULL);
  CHECK(mod != NULL);
  A = sfi_instance_new(mod, NULL);
  B = sfi_instance_new(mod, NULL);
  CHECK(A && B);
  if (!mod || !A || !B)
    return t_done("test_boundary");
  test_host_gs();
  test_gs_changed_between_calls();
  test_nested_gs();
  test_trap_then_call();
  test_signal_calls();
  test_reset_clean();
  test_warm_reuse();
  test_map_count();
  test_free_over_limit();
  test_mlocked();
  sfi_instance_free(A);
  sfi_instance_free(B);
  sfi_module_free(mod);
  return t_done("test_boundary");
}
