/* test_traps.c: every trap kind ends the call with its code and a message
 * naming the function; a trapped instance refuses calls until reset; other
 * instances and the host are untouched (host canary memory, host signal
 * handlers still chained). With --pass the module was built by the pass and
 * attacks on host memory must be contained. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "t.h"

static sfi_module *mod;
static int with_pass;

static int64_t host_twice(int64_t x) { return 2 * x; }
/* With `inner` set, calls its endless loop (inner has a time limit). */
static sfi_instance *inner;
static int inner_rc;
static int64_t host_reenter(int64_t d) {
  if (inner)
    inner_rc = sfi_call(inner, "spin", ":v", NULL, NULL);
  return d;
}
static int64_t host_block(int64_t ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
  while (nanosleep(&ts, &ts) != 0)
    ;
  return ms;
}
/* Headroom left on the sandbox native stack when an import is entered:
 * the stack is 8 MiB aligned to its size, its lowest 1 MiB is the guard. */
static uint64_t min_headroom = ~0ULL;
static int64_t host_depth(int64_t n) {
  volatile char here;
  uint64_t off = (uint64_t)(uintptr_t)&here & ((8ULL << 20) - 1);
  uint64_t room = off - (1ULL << 20);
  if (room < min_headroom)
    min_headroom = room;
  return n;
}
T_TMOD_IMPORTS(imports, host_twice, host_depth, host_reenter, host_block);

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Calls fn and expects trap code; checks the message and the reset. */
static void expect_trap(sfi_instance *in, const char *fn, const char *sig,
                        sfi_val *args, int code, const char *in_msg,
                        const char *in_msg2) {
  int rc = sfi_call(in, fn, sig, args, NULL);
  CHECK_EQ(rc, code);
  if (rc != code)
    fprintf(stderr, "  (calling %s)\n", fn);
  CHECK_MSG(sfi_strerror(code));
  if (in_msg)
    CHECK_MSG(in_msg);
  if (in_msg2)
    CHECK_MSG(in_msg2);
  CHECK_EQ(sfi_call(in, "nothing", ":v", NULL, NULL), SFI_ERR_TRAPPED);
  CHECK_EQ(sfi_instance_reset(in), SFI_OK);
  CHECK_EQ(sfi_call(in, "nothing", ":v", NULL, NULL), SFI_OK);
}

static void test_kinds(void) {
  sfi_instance *in = sfi_instance_new(mod, NULL), *other;
  other = sfi_instance_new(mod, NULL);
  CHECK(in && other);
  if (!in || !other)
    return;
  uint64_t base = sfi_region_base(in);
  sfi_val a[2];
  a[0] = SFI_PTR(base + 0x10);
  expect_trap(in, "deref", "p:i", a, SFI_TRAP_OOB, "in deref",
              "sandbox offset 0x10");
  a[0] = SFI_PTR(sfi_lookup(in, "add"));
  a[1] = SFI_I64(0);
  expect_trap(in, "poke", "pI:v", a, SFI_TRAP_OOB, "in poke", NULL);
  a[0] = SFI_I32(0);
  expect_trap(in, "recurse", "i:i", a, SFI_TRAP_STACK, "in recurse",
              "#5 "); /* a frame-pointer backtrace */
  min_headroom = ~0ULL;
  a[0] = SFI_I32(0);
  expect_trap(in, "rec_import", "I:I", a, SFI_TRAP_STACK,
              "no native stack left for an import call", NULL);
  /* Every import ran with at least the reserved headroom (128 KiB, less
   * what the host function itself had pushed when it measured). */
  CHECK(min_headroom >= (120ULL << 10) && min_headroom < (200ULL << 10));
  expect_trap(in, "shadow_deep", "i:i", a, SFI_TRAP_STACK, "shadow_deep", NULL);
  a[0] = SFI_I32(1);
  a[1] = SFI_I32(0);
  expect_trap(in, "divi", "ii:i", a, SFI_TRAP_DIV, "in divi", NULL);
  a[0] = SFI_I32(INT32_MIN);
  a[1] = SFI_I32(-1);
  expect_trap(in, "divi", "ii:i", a, SFI_TRAP_DIV, "in divi", NULL);
  expect_trap(in, "ill", ":v", NULL, SFI_TRAP_ILLEGAL, "in ill", NULL);
  expect_trap(in, "brk", ":v", NULL, SFI_TRAP_BREAK, "in brk", NULL);
  expect_trap(in, "do_abort", ":v", NULL, SFI_TRAP_ABORT, "abort", NULL);
  /* exit is not a trap: the instance stays usable. */
  a[0] = SFI_I32(7);
  CHECK_EQ(sfi_call(in, "do_exit", "i:v", a, NULL), SFI_ERR_EXIT);
  CHECK_EQ(sfi_exit_status(in), 7);
  CHECK_EQ(sfi_call(in, "nothing", ":v", NULL, NULL), SFI_OK);
  /* The other instance never noticed. */
  sfi_val r;
  a[0] = SFI_I32(20);
  a[1] = SFI_I32(22);
  CHECK_EQ(sfi_call(other, "add", "ii:i", a, &r), SFI_OK);
  CHECK_EQ(r.i32, 42);
  /* A trap in a nested call unwinds only the inner call. */
  sfi_instance_free(in);
  sfi_instance_free(other);
}

static void test_timeout(void) {
  sfi_instance_options o = {0};
  o.time_limit = 0.2;
  sfi_instance *in = sfi_instance_new(mod, &o);
  CHECK(in != NULL);
  if (!in)
    return;
  double t0 = now();
  CHECK_EQ(sfi_call(in, "spin", ":v", NULL, NULL), SFI_TRAP_TIMEOUT);
  double dt = now() - t0;
  CHECK(dt >= 0.19 && dt < 10.0);
  CHECK_MSG("in spin");
  CHECK_EQ(sfi_instance_reset(in), SFI_OK);
  /* Time spent in a host import is not interrupted (the timer retries). */
  sfi_val a = SFI_I64(300), r;
  int rc = sfi_call(in, "call_block", "I:I", &a, &r);
  CHECK(rc == SFI_OK || rc == SFI_TRAP_TIMEOUT);
  if (rc == SFI_OK)
    CHECK_EQ(r.i64, 300);
  else
    CHECK_EQ(sfi_instance_reset(in), SFI_OK);
  /* Blocked in a read from the system interface: the limit still holds. */
  int pfd[2];
  CHECK(pipe(pfd) == 0);
  sfi_instance_options bo = {0};
  bo.time_limit = 0.2;
  bo.stdio_fds[0] = pfd[0];
  bo.stdio_fds[1] = 1;
  bo.stdio_fds[2] = 2;
  sfi_instance *blk = sfi_instance_new(mod, &bo);
  CHECK(blk != NULL);
  if (blk) {
    sfi_val g;
    sfi_call(blk, "getbuf", ":p", NULL, &g);
    sfi_val rd[3] = {SFI_I32(0), g, SFI_I64(16)};
    t0 = now();
    CHECK_EQ(sfi_call(blk, "s_read", "ipI:I", rd, NULL), SFI_TRAP_TIMEOUT);
    CHECK_MSG("waited for I/O");
    dt = now() - t0;
    CHECK(dt >= 0.19 && dt < 10.0);
    sfi_instance_free(blk);
  }
  close(pfd[0]);
  close(pfd[1]);
  /* A limit holds for a call entered from inside another sandbox call
   * that has none; the outer call then goes on normally. */
  sfi_instance *outer = sfi_instance_new(mod, NULL);
  sfi_instance_options io = {0};
  io.time_limit = 0.1;
  inner = sfi_instance_new(mod, &io);
  CHECK(outer && inner);
  if (outer && inner) {
    sfi_val x = SFI_I64(3), rr;
    t0 = now();
    CHECK_EQ(sfi_call(outer, "reenter", "I:I", &x, &rr), SFI_OK);
    CHECK_EQ(rr.i64, 4);
    CHECK_EQ(inner_rc, SFI_TRAP_TIMEOUT);
    CHECK(now() - t0 < 10.0); /* generous: CI machines are loaded */
  }
  sfi_instance_free(inner);
  inner = NULL;
  sfi_instance_free(outer);
  /* Short calls under a limit are fine, repeatedly. */
  for (int i = 0; i < 100; i++)
    CHECK_EQ(sfi_call(in, "nothing", ":v", NULL, NULL), SFI_OK);
  sfi_instance_free(in);
}

static sigjmp_buf host_jb;
static volatile int *volatile bad_ptr = (volatile int *)16;
static volatile sig_atomic_t host_segv, host_trap;
static void host_handler(int sig, siginfo_t *si, void *ctx) {
  (void)si;
  (void)ctx;
  if (sig == SIGSEGV) {
    host_segv++;
    siglongjmp(host_jb, 1);
  }
  host_trap++;
}

static void test_chaining(void) {
  /* The runtime is installed (instances exist); put ours under it by
   * uninstalling, installing ours, and reinstalling the runtime's. */
  sfi_signals_uninstall();
  struct sigaction sa = {0}, cur;
  sa.sa_sigaction = host_handler;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGSEGV, &sa, NULL);
  sigaction(SIGTRAP, &sa, NULL);
  CHECK_EQ(sfi_signals_install(), SFI_OK);
  sigaction(SIGSEGV, NULL, &cur);
  CHECK(cur.sa_sigaction != host_handler);
  /* A host fault goes to the host's handler. */
  if (sigsetjmp(host_jb, 1) == 0)
    *bad_ptr = 1;
  CHECK_EQ(host_segv, 1);
  raise(SIGTRAP);
  CHECK_EQ(host_trap, 1);
  /* Sandbox faults still trap. */
  sfi_instance *in = sfi_instance_new(mod, NULL);
  sfi_val a = SFI_PTR(sfi_region_base(in) + 8);
  CHECK_EQ(sfi_call(in, "deref", "p:i", &a, NULL), SFI_TRAP_OOB);
  CHECK_EQ(host_segv, 1);
  sfi_instance_free(in);
  /* Uninstalling puts the host's handler back. */
  sfi_signals_uninstall();
  sigaction(SIGSEGV, NULL, &cur);
  CHECK(cur.sa_sigaction == host_handler);
  signal(SIGSEGV, SIG_DFL);
  signal(SIGTRAP, SIG_DFL);
  /* The next call reinstalls the runtime's handlers by itself. */
  in = sfi_instance_new(mod, NULL);
  a = SFI_PTR(sfi_region_base(in) + 8);
  sfi_signals_uninstall();
  CHECK_EQ(sfi_call(in, "deref", "p:i", &a, NULL), SFI_TRAP_OOB);
  sfi_instance_free(in);
  CHECK_EQ(sfi_signals_install(), SFI_OK);
}

/* Attacks on host memory: a canary page right below the region (when that
 * address is free) and a host heap buffer, written through every pointer
 * form the sandbox could use. All must trap or stay inside the region. */
static void test_containment(void) {
  sfi_instance *in = sfi_instance_new(mod, NULL);
  CHECK(in != NULL);
  if (!in)
    return;
  sfi_val fp;
  CHECK_EQ(sfi_call(in, "get_sq", ":p", NULL, &fp), SFI_OK);
  CHECK(sfi_is_funcptr(in, fp.ptr)); /* the pass made it a table entry */
  uint64_t base = sfi_region_base(in);
  uint8_t *below =
      mmap((void *)(base - 4096), 4096, PROT_READ | PROT_WRITE,
           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (below == MAP_FAILED)
    below = NULL;
  static uint8_t heap_canary[4096];
  if (below)
    memset(below, 0xa5, 4096);
  memset(heap_canary, 0x5a, sizeof heap_canary);
  uint64_t targets[] = {
      (uint64_t)(uintptr_t)heap_canary,
      (uint64_t)(uintptr_t)heap_canary + 64,
      (uint64_t)(uintptr_t)below,
      base - 8,
      base - 4096,
      base + 0x100000000ULL,
      base + 0x100000000ULL + 0x10000,
      base + 0xfffffff8ULL,
      0x10,
      ~0ULL - 7,
  };
  for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
    sfi_val a[2] = {SFI_PTR(targets[i]), SFI_I64(0x4141414141414141)};
    int rc = sfi_call(in, "poke", "pI:v", a, NULL);
    CHECK(rc == SFI_OK || rc == SFI_TRAP_OOB);
    if (rc != SFI_OK)
      CHECK_EQ(sfi_instance_reset(in), SFI_OK);
    a[0] = SFI_PTR(targets[i]);
    rc = sfi_call(in, "deref", "p:i", a, NULL);
    CHECK(rc == SFI_OK || rc == SFI_TRAP_OOB);
    if (rc != SFI_OK)
      CHECK_EQ(sfi_instance_reset(in), SFI_OK);
  }
  for (size_t i = 0; i < sizeof heap_canary; i++)
    if (heap_canary[i] != 0x5a) {
      CHECK(!"host heap canary changed");
      break;
    }
  if (below) {
    for (size_t i = 0; i < 4096; i++)
      if (below[i] != 0xa5) {
        CHECK(!"canary page below the region changed");
        break;
      }
    munmap(below, 4096);
  }
  /* A forged function pointer (not a table entry) traps, never runs. */
  sfi_val a[2] = {SFI_PTR(sfi_lookup(in, "add") + 4), SFI_I64(1)};
  int rc = sfi_call(in, "call_fp", "pI:I", a, NULL);
  CHECK(rc == SFI_TRAP_ILLEGAL || rc == SFI_TRAP_BREAK);
  sfi_instance_free(in);
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  with_pass = argc > 2 && strcmp(argv[2], "--pass") == 0;
  mod = sfi_module_load(argv[1], imports, NULL);
  CHECK(mod != NULL);
  if (!mod)
    return t_done("test_traps");
  test_kinds();
  test_timeout();
  test_chaining();
  if (with_pass)
    test_containment();
  sfi_module_free(mod);
  return t_done("test_traps");
}
