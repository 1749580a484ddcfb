/* escape.c: the host harness of the escape corpus. For one attack class it
 * loads the class's malicious module into instance A, a bystander module into
 * instance B, plants canaries in host memory (just below and just above A's
 * region, inside B's region, in the host heap, an anonymous page and host
 * static data), hands their addresses to the attack, and after every call
 * checks: the result is one the class allows (a trap code, or SFI_OK with
 * the effect contained), every canary byte is unchanged, no host function
 * was reached, every out-of-bounds fault lies in A's region or its guard,
 * and B still answers correctly.
 *   usage: escape CLASS MODULE_DIR     (escape --list prints the classes) */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <fenv.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <elf.h>

#include "sfi.h"
#include "sfi_abi.h"
#include "../common/monitor.h"

#define PAGE 4096ULL
#define MAGIC 0x5ca1ab1e00000000ULL

/* ---- results ------------------------------------------------------------ */
static int calls;
/* Stores-only modules do not mask loads by design: reads of host memory and
 * the faults they cause are not escapes there. */
static int stores_only;
static const char *cls = "?";

static char fail_prefix[128] = "?: FAIL: ";
static struct monitor mon = {.prefix = fail_prefix};
#define FAIL(...) monitor_fail(&mon, __VA_ARGS__)

/* Expected outcomes, as a bit set. */
enum {
  E_OK = 1 << 0,
  E_OOB = 1 << 1,
  E_STACK = 1 << 2,
  E_DIV = 1 << 3,
  E_ILLEGAL = 1 << 4,
  E_BREAK = 1 << 5,
  E_ABORT = 1 << 6,
  E_TIMEOUT = 1 << 7,
  E_FPE = 1 << 8,
  E_NOTFOUND = 1 << 9, /* the runtime refuses the entry point */
  E_TRAP = E_OOB | E_STACK | E_DIV | E_ILLEGAL | E_BREAK | E_ABORT |
           E_TIMEOUT | E_FPE,
  E_CALLTRAP = E_ILLEGAL | E_BREAK, /* a confined indirect call's trap */
};

static int rc_bit(int rc) {
  switch (rc) {
  case SFI_OK: return E_OK;
  case SFI_TRAP_OOB: return E_OOB;
  case SFI_TRAP_STACK: return E_STACK;
  case SFI_TRAP_DIV: return E_DIV;
  case SFI_TRAP_ILLEGAL: return E_ILLEGAL;
  case SFI_TRAP_BREAK: return E_BREAK;
  case SFI_TRAP_ABORT: return E_ABORT;
  case SFI_TRAP_TIMEOUT: return E_TIMEOUT;
  case SFI_TRAP_FPE: return E_FPE;
  case SFI_ERR_NOTFOUND: return E_NOTFOUND;
  default: return 0;
  }
}

/* ---- host functions the sandbox must never reach ------------------------- */
static volatile int escape_hits;
static void escape_hit(void) {
  /* Reached only by a control-flow escape: say so and stop at once, since
   * the stack we run on is the attacker's making. */
  static const char msg[] = "ESCAPE: sandboxed code reached a host function\n";
  escape_hits++;
  if (write(2, msg, sizeof msg - 1) < 0)
    _exit(97);
  _exit(97);
}

/* ---- imports: written the way a careful host writes them ----------------- */
static int64_t host_sum(uint64_t p, int64_t n) {
  const uint8_t *b = sfi_ptr(sfi_current(), p, (uint64_t)n, 0);
  if (!b || n < 0)
    return -1;
  int64_t s = 0;
  for (int64_t i = 0; i < n; i++)
    s += b[i];
  return s;
}
static int64_t host_str(uint64_t p) {
  char buf[256];
  if (sfi_copy_string_out(sfi_current(), buf, sizeof buf, p) != SFI_OK)
    return -1;
  return (int64_t)strlen(buf);
}
static int64_t host_copy(uint64_t dst, uint64_t src, int64_t n) {
  sfi_instance *in = sfi_current();
  if (n < 0)
    return -1;
  void *d = sfi_ptr(in, dst, (uint64_t)n, 1);
  const void *s = sfi_ptr(in, src, (uint64_t)n, 0);
  if (!d || !s)
    return -1;
  memmove(d, s, (size_t)n); /* ranges may overlap */
  return 0;
}
static int64_t host_fill(uint64_t dst, int64_t n, int32_t byte) {
  void *d = sfi_ptr(sfi_current(), dst, (uint64_t)n, 1);
  if (!d || n < 0)
    return -1;
  memset(d, byte, (size_t)n);
  return 0;
}
static int64_t host_twice(int64_t x) { return 2 * x; }
/* Host long double arithmetic: wrong if the x87 unit was left dirty. */
__attribute__((noinline)) static long double host_x87(volatile long double a) {
  return a * 3.0L + 1.0L;
}
static int64_t host_ld(int64_t x) { return (int64_t)host_x87((long double)x); }
static int64_t host_round(void) { return fegetround(); }
static int reenter_rc;
static sfi_instance *nested_target; /* for how == 2 */
/* Calls back into the sandbox: 0 "inner_trap" and 1 "inner_jump" in the
 * calling instance, 2 "spin" in nested_target. */
static int64_t host_reenter(int32_t how) {
  sfi_instance *in = sfi_current();
  sfi_val a[2] = {SFI_I64(sfi_region_base(in)), SFI_I64(0x41)};
  sfi_val r;
  if (how == 2)
    reenter_rc = sfi_call(nested_target, "spin", "II:I", a, &r);
  else
    reenter_rc = sfi_call(in, how ? "inner_jump" : "inner_trap", "II:I", a,
                          &r);
  return reenter_rc;
}
/* What a host function sees of the state the sandbox called it with: bit 0
 * DF set, 1 AC set, 2 MXCSR control bits not the host's, 3 x87 control word
 * not the host's. */
static uint32_t host_mxcsr;
static uint16_t host_fcw;
static uint64_t rflags_now(void) {
  uint64_t fl;
  __asm__ volatile("pushfq; popq %0" : "=r"(fl));
  return fl;
}
static int64_t fp_state_bad(void) {
  uint32_t mx;
  uint16_t cw;
  __asm__ volatile("stmxcsr %0" : "=m"(mx));
  __asm__ volatile("fnstcw %0" : "=m"(cw));
  return ((mx & ~0x3fu) != (host_mxcsr & ~0x3fu) ? 4 : 0) |
         (cw != host_fcw ? 8 : 0);
}
static int64_t host_flags(void) {
  uint64_t fl = rflags_now();
  return (fl & 0x400 ? 1 : 0) | (fl & 0x40000 ? 2 : 0) | fp_state_bad();
}
static const sfi_import imports[] = {
    {"host_flags", ":I", (void *)host_flags},
    {"host_sum", "pI:I", (void *)host_sum},
    {"host_str", "p:I", (void *)host_str},
    {"host_copy", "ppI:I", (void *)host_copy},
    {"host_fill", "pIi:I", (void *)host_fill},
    {"host_twice", "I:I", (void *)host_twice},
    {"host_ld", "I:I", (void *)host_ld},
    {"host_round", ":I", (void *)host_round},
    {"host_reenter", "i:I", (void *)host_reenter},
    {NULL, NULL, NULL}};

/* ---- modules and instances ---------------------------------------------- */
static const char *moddir;
static sfi_module *mod_a, *mod_b;
static sfi_instance *A, *B;
static uint64_t a_base;

/* Loads MODULE_DIR/name.so; a toolchain refusal leaves name.refused. Returns
 * NULL and sets *refused (1: compiler, 2: loader) when refused. */
static sfi_module *load(const char *name, int *refused) {
  char p[4096];
  *refused = 0;
  snprintf(p, sizeof p, "%s/%s.so", moddir, name);
  if (access(p, F_OK) != 0) {
    snprintf(p, sizeof p, "%s/%s.refused", moddir, name);
    if (access(p, F_OK) == 0) {
      *refused = 1;
      fprintf(stderr, "%s: module %s refused by the toolchain (%s)\n", cls,
              name, p);
    }
    return NULL;
  }
  sfi_module *m = sfi_module_load(p, imports, NULL);
  if (!m) {
    *refused = 2;
    fprintf(stderr, "%s: module %s refused by the loader: %s\n", cls, name,
            sfi_errmsg());
  }
  return m;
}

static sfi_instance *new_a(const sfi_instance_options *o) {
  sfi_instance *in = sfi_instance_new(mod_a, o);
  if (!in) {
    FAIL("sfi_instance_new: %s", sfi_errmsg());
    exit(1);
  }
  return in;
}

/* ---- canaries (the monitor's, and one in host static data) --------------- */
static uint8_t data_canary[PAGE] __attribute__((aligned(4096)));

static void fill_pattern(uint8_t *w, int id) {
  uint64_t x = 0x9e3779b97f4a7c15ULL * (uint64_t)(id + 1);
  for (size_t i = 0; i < PAGE; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    w[i] = (uint8_t)x;
  }
  uint64_t m = MAGIC | (uint64_t)id;
  memcpy(w, &m, 8);
}

static void setup_canaries(void) {
  mon.fill = fill_pattern;
  if (monitor_init(&mon, A, B) != 0 ||
      monitor_add_canary(&mon, "host-data", (uint64_t)data_canary, 0) != 0)
    exit(1);
  fprintf(stderr, "%s: region A 0x%" PRIx64 ", canaries:", cls, a_base);
  for (int i = 0; i < mon.ncanaries; i++)
    fprintf(stderr, " %s=0x%" PRIx64, mon.canaries[i].name, mon.canaries[i].addr);
  fputc('\n', stderr);
}

static uint64_t canary_magic(int i) { return MAGIC | (uint64_t)i; }

/* ---- checks after every call --------------------------------------------- */
static void check_world(const char *what) {
  monitor_check_canaries(&mon, what);
  if (escape_hits)
    FAIL("%s: ESCAPE: a host function was reached", what);
  monitor_check_bystander(&mon, what);
}

/* Calls A's export fn(x, y) and checks the outcome against the allowed set.
 * After a trap A must reset and answer again. Returns rc; *ret the value. */
static int call_a(const char *fn, uint64_t x, uint64_t y, int allowed,
                  int64_t *ret) {
  char what[160];
  snprintf(what, sizeof what, "%s(0x%" PRIx64 ", 0x%" PRIx64 ")", fn, x, y);
  sfi_val a[2] = {SFI_I64(x), SFI_I64(y)}, r = {0};
  calls++;
  /* Every other call through a bound function (sfi_fn_call), so each
   * attack meets both entry paths. */
  uint64_t f = (calls & 1) ? sfi_lookup(A, fn) : 0;
  sfi_fn *bound = f ? sfi_fn_new(A, f, "II:I") : NULL;
  int rc = bound ? sfi_fn_call(bound, a, &r) : sfi_call(A, fn, "II:I", a, &r);
  sfi_fn_free(bound);
  char msg[2048];
  snprintf(msg, sizeof msg, "%s", sfi_errmsg());
  if (ret)
    *ret = r.i64;
  if (!(rc_bit(rc) & allowed))
    FAIL("%s: returned %d (%s), not an allowed outcome (mask 0x%x): %s",
         what, rc, sfi_strerror(rc), allowed, rc ? msg : "");
  /* A fault without an address (0) is not known to be inside. */
  if (rc == SFI_TRAP_OOB && !stores_only &&
      monitor_check_fault(&mon, what, msg) < 0)
    FAIL("%s: ESCAPE: fault address 0x0 is outside the region "
         "[0x%" PRIx64 ", +4 GiB + guard): the access left it: %s",
         what, a_base, msg);
  check_world(what);
  if (rc != SFI_OK && rc_bit(rc)) {
    if (sfi_instance_reset(A) != SFI_OK)
      FAIL("%s: reset after the trap failed: %s", what, sfi_errmsg());
    sfi_val p = SFI_I64(41), pr;
    if (sfi_call(A, "ping", "I:I", &p, &pr) != SFI_OK || pr.i64 != 42)
      FAIL("%s: A does not answer after reset: %s", what, sfi_errmsg());
  }
  return rc;
}

/* Every address an attack aims at: each canary's first, second and last
 * words, plus the region's neighbours themselves. */
static int targets(uint64_t *t) {
  int n = 0;
  for (int i = 0; i < mon.ncanaries; i++) {
    t[n++] = mon.canaries[i].addr;
    t[n++] = mon.canaries[i].addr + 8;
    t[n++] = mon.canaries[i].addr + PAGE - 8;
  }
  t[n++] = a_base - 8;
  t[n++] = a_base + SFI_REGION_SIZE;
  t[n++] = (uint64_t)(uintptr_t)&escape_hit;
  return n;
}

/* ---- classes --------------------------------------------------------------
 * Each returns normally; failures are counted. A is fresh for each class. */

static void c_wild_write(void) {
  uint64_t t[32];
  int n = targets(t);
  for (int i = 0; i < n; i++)
    call_a("attack", t[i], 0x4141414141414141ULL, E_OK | E_OOB, NULL);
}

static void c_wild_read(void) {
  uint64_t t[32];
  int n = targets(t);
  for (int i = 0; i < n; i++) {
    int64_t v;
    if (call_a("attack", t[i], 0, E_OK | E_OOB, &v) == SFI_OK)
      for (int k = 0; k < mon.ncanaries; k++)
        if ((uint64_t)v == canary_magic(k))
          FAIL("ESCAPE (read): attack(0x%" PRIx64 ") returned canary %s's "
               "magic", t[i], mon.canaries[k].name);
  }
}

static void c_libcall_read(void) {
  uint64_t t[32];
  int n = targets(t);
  for (int i = 0; i < n; i++)
    for (int k = 0; k < mon.ncanaries; k++) {
      int64_t v;
      if (call_a("attack", t[i], canary_magic(k), E_OK | E_OOB, &v) ==
              SFI_OK &&
          (int32_t)v == 0)
        FAIL("ESCAPE (read): memcmp at 0x%" PRIx64 " matched canary %s's "
             "magic", t[i], mon.canaries[k].name);
    }
}

static void c_ptr_wrap(void) {
  uint64_t t[32];
  int n = targets(t);
  for (int k = 0; k < 4; k++)
    for (int i = 0; i < n; i++)
      call_a("attack", t[i], (uint64_t)k, E_OK | E_OOB, NULL);
}

/* Signature-confused indirect calls: every outcome is SFI_OK with no
 * host value seen (attack returns 0) or a contained trap. */
/* text_data: the export is const data in .text, not a function start the
 * verifier checked: the runtime must refuse to enter it (or contain it). */
static void c_text_data(void) {
  uint64_t t[32];
  int n = targets(t);
  for (int i = 0; i < n; i++)
    call_a("attack", t[i], 0x4141414141414141ULL, E_OK | E_OOB | E_NOTFOUND,
           NULL);
}

static void c_sig_confusion(void) {
  uint64_t t[32];
  int n = targets(t);
  for (int k = 0; k < 4; k++)
    for (int i = 0; i < n; i++) {
      int64_t r = 0;
      if (call_a("attack", t[i], (uint64_t)k, E_OK | E_OOB, &r) == SFI_OK &&
          r != 0)
        FAIL("attack(0x%" PRIx64 ", %d): the callee saw a host address "
             "among its arguments", t[i], k);
    }
}

static void c_neg_offset(void) {
  uint64_t bases[] = {a_base, a_base + 8, a_base + PAGE,
                      a_base + SFI_IMAGE_OFFSET,
                      a_base + SFI_IMAGE_OFFSET + 0x1000};
  for (size_t b = 0; b < sizeof bases / sizeof *bases; b++)
    for (int k = 0; k < 6; k++)
      call_a("attack", bases[b], (uint64_t)k, E_OK | E_OOB, NULL);
  /* variable negative offsets reaching each canary from the image */
  for (int i = 0; i < mon.ncanaries; i++) {
    uint64_t p = a_base + SFI_IMAGE_OFFSET;
    if (mon.canaries[i].addr < p)
      call_a("attack", p, p - mon.canaries[i].addr, E_OK | E_OOB, NULL);
  }
}

static void c_past_4g(void) {
  uint64_t top = a_base + SFI_REGION_SIZE;
  for (int k = 0; k < 4; k++)
    call_a("attack", a_base, (uint64_t)k, E_OK | E_OOB, NULL);
  call_a("attack", a_base + SFI_IMAGE_OFFSET, 7, E_OK | E_OOB, NULL);
  /* folded constant 0x7fff0 on bases at the region's last bytes */
  uint64_t offs[] = {SFI_REGION_SIZE - 1, SFI_REGION_SIZE - 8,
                     SFI_REGION_SIZE - 0x7fff0, SFI_REGION_SIZE - 0x7fff8,
                     SFI_REGION_SIZE + 8};
  for (size_t i = 0; i < sizeof offs / sizeof *offs; i++) {
    call_a("attack", a_base, (offs[i] << 8) | 4, E_OK | E_OOB, NULL);
    call_a("attack", a_base, (offs[i] << 8) | 5, E_OK | E_OOB, NULL);
  }
  (void)top;
}

static void c_vector_end(void) {
  uint64_t offs[] = {SFI_REGION_SIZE - 1,  SFI_REGION_SIZE - 16,
                     SFI_REGION_SIZE - 31, SFI_REGION_SIZE - 32,
                     SFI_REGION_SIZE - 63, SFI_REGION_SIZE - 64,
                     SFI_REGION_SIZE - 0x7ffc0, SFI_REGION_SIZE - 0x7ff00,
                     SFI_REGION_SIZE - 255};
  for (size_t i = 0; i < sizeof offs / sizeof *offs; i++)
    for (int k = 0; k < 7; k++)
      call_a("attack", a_base, (offs[i] << 8) | (uint64_t)k, E_OK | E_OOB,
             NULL);
}

static void c_memops(void) {
  uint64_t t[32];
  int n = targets(t);
  for (int k = 0; k < 10; k++)
    for (int i = 0; i < n; i++)
      call_a("attack", t[i], (uint64_t)k, E_OK | E_OOB, NULL);
  /* a legitimate memset of the whole heap page must still work */
  uint64_t p = sfi_malloc(A, 4096);
  if (!p)
    FAIL("sfi_malloc in A: %s", sfi_errmsg());
  else
    call_a("attack", p, 0, E_OK, NULL);
}

static void c_atomics(void) {
  uint64_t t[32];
  int n = targets(t);
  for (int k = 0; k < 6; k++)
    for (int i = 0; i < n; i++)
      call_a("attack", t[i], (uint64_t)k, E_OK | E_OOB, NULL);
}

static void c_fptr_forged(void) {
  uint64_t t[32];
  int n = targets(t);
  for (int i = 0; i < n; i++)
    call_a("attack", t[i], 5, E_CALLTRAP, NULL);
  call_a("attack", (uint64_t)(uintptr_t)&host_twice, 5, E_CALLTRAP, NULL);
  call_a("attack", 0, 5, E_CALLTRAP, NULL);
}

static void c_fptr_midfunc(void) {
  uint64_t real = sfi_lookup(A, "victim");
  int64_t entry = 0;
  call_a("victim_ptr", 0, 0, E_OK, &entry);
  if (!real || !sfi_is_funcptr(A, (uint64_t)entry)) {
    FAIL("victim: no export (0x%" PRIx64 ") or its pointer 0x%" PRIx64
         " is no table entry", real, (uint64_t)entry);
    return;
  }
  /* inside the real body: never a table entry */
  for (uint64_t k = 1; k < 24; k++)
    call_a("attack", real, k, E_CALLTRAP, NULL);
  /* inside the entry: aligned down to the entry, which calls victim */
  for (uint64_t k = 0; k < 16; k++) {
    int64_t v = 0;
    if (call_a("attack", (uint64_t)entry, k, E_OK | E_CALLTRAP, &v) ==
            SFI_OK && v != 16)
      FAIL("entry + %" PRIu64 " ran something else than victim (%" PRId64
           ")", k, v);
  }
}

static void c_fptr_padding(void) {
  for (uint64_t k = 0; k < 16; k++) {
    int64_t v = 0;
    if (call_a("attack", 0, k, E_OK | E_CALLTRAP, &v) == SFI_OK && v != 16)
      FAIL("padding + %" PRIu64 " ran something else (%" PRId64 ")", k, v);
  }
  for (uint64_t k = 1000; k < 1000 + 64; k += 7)
    call_a("attack", 0, k, E_CALLTRAP, NULL);
}

static void c_fptr_data(void) {
  uint64_t t[32];
  int n = targets(t);
  for (int k = 0; k < 2; k++)
    for (int i = 0; i < n; i++)
      call_a("attack", t[i], (uint64_t)k, E_CALLTRAP | E_OOB, NULL);
}

static void c_ret_overwrite(void) {
  uint64_t v = (uint64_t)(uintptr_t)&escape_hit;
  int64_t r = 0;
  if (call_a("attack", v, 2, E_OK, &r) == SFI_OK && r != 8)
    FAIL("attack(v, 2) = %" PRId64 ", want 8", r);
  call_a("attack", v, 64, E_OK | E_OOB, NULL);
  call_a("attack", v, 400, E_OK | E_OOB, NULL);
  call_a("attack", v, 1 << 20, E_OK | E_OOB, NULL);
  call_a("attack", v, 1L << 30, E_OK | E_OOB, NULL);
}

static void c_jmpbuf_forged(void) {
  uint64_t v = (uint64_t)(uintptr_t)&escape_hit;
  for (int k = 0; k < 5; k++)
    call_a("attack", v, (uint64_t)k, E_ABORT, NULL);
  int64_t r = 0;
  if (call_a("attack", v, 9, E_OK, &r) == SFI_OK && r != 99)
    FAIL("legitimate setjmp/longjmp returned %" PRId64 ", want 99", r);
}

static void c_jmpbuf_stale(void) {
  call_a("attack", (uint64_t)(uintptr_t)&escape_hit, 0, E_ABORT, NULL);
  call_a("attack", a_base + 0x10, 0, E_ABORT, NULL);
}

static void c_varargs_overread(void) {
  volatile uint64_t secret[64];
  uint64_t magic = 0x5ec2e75ec2e75ec2ULL;
  for (int i = 0; i < 64; i++)
    secret[i] = magic;
  int64_t r = -1;
  if (call_a("attack", 3, 3, E_OK, &r) == SFI_OK && r != 1)
    FAIL("scan(3) matched %" PRId64 " words, want 1 (the argument 3)", r);
  long ns[] = {64, 512, 4096, 1 << 20, 1L << 31};
  for (size_t i = 0; i < sizeof ns / sizeof *ns; i++)
    if (call_a("attack", magic, (uint64_t)ns[i], E_OK | E_OOB, &r) ==
            SFI_OK && r != 0)
      FAIL("ESCAPE (read): va_arg over-read found the host's secret %" PRId64
           " times", r);
  for (int i = 0; i < mon.ncanaries; i++)
    if (call_a("attack", canary_magic(i), 1 << 16, E_OK | E_OOB, &r) ==
            SFI_OK && r != 0)
      FAIL("ESCAPE (read): va_arg over-read found canary %s", mon.canaries[i].name);
  (void)secret[0];
}

static void c_got_write(void) {
  int64_t r;
  call_a("attack", 0, 1, E_OOB, NULL); /* downwards: RELRO, code */
  call_a("attack", 0, 0, E_OOB, NULL); /* upwards: data, bss, heap, end */
  if (call_a("uses_import", 21, 0, E_OK, &r) == SFI_OK && r != 42)
    FAIL("an import call after the GOT walk returned %" PRId64, r);
}

static void c_cbslot_write(void) {
  uint64_t v = (uint64_t)(uintptr_t)&escape_hit;
  uint64_t fp = sfi_callback_new(A, "I:I", (void *)host_twice);
  if (!fp) {
    FAIL("sfi_callback_new: %s", sfi_errmsg());
    return;
  }
  int64_t r = 0;
  if (call_a("call_fp", fp, 21, E_OK, &r) == SFI_OK && r != 42)
    FAIL("callback returned %" PRId64 " before the attack", r);
  for (int i = 0; i < 64; i += 9) {
    call_a("attack", v, (uint64_t)i, E_OOB, NULL);
    fp = sfi_callback_new(A, "I:I", (void *)host_twice);
    if (!fp || call_a("call_fp", fp, 21, E_OK, &r) != SFI_OK || r != 42)
      FAIL("callback broken after attack on slot %d (%" PRId64 ")", i, r);
  }
  call_a("attack_all", v, 0, E_OOB, NULL);
  /* an unset slot is still a table entry but must trap, not jump */
  uint64_t jt = sfi_callback_new(A, "I:I", (void *)host_twice);
  if (jt) {
    sfi_callback_free(A, jt);
    call_a("call_fp", jt, 21, E_ILLEGAL, NULL);
  }
}

static void c_code_write(void) {
  uint64_t real = sfi_lookup(A, "victim");
  call_a("attack", 0, 0, E_OOB, NULL);
  call_a("attack", real, 1, E_OOB, NULL);
  call_a("attack", real + 3, 1, E_OOB, NULL);
  call_a("attack", 0, 2, E_OOB, NULL);
  for (uint64_t k = 0x1000; k < 0x8000; k += 0x800)
    call_a("attack", 0, k, E_OOB | E_OK, NULL);
  int64_t r = 0;
  if (call_a("ping", 1, 0, E_OK, &r) == SFI_OK && r != 2)
    FAIL("code changed: ping(1) = %" PRId64, r);
}

static void c_rodata_write(void) {
  for (uint64_t k = 0; k < 3; k++)
    for (uint64_t i = 0; i < 8; i += 3)
      call_a("attack", i, k, E_OOB, NULL);
}

static void c_import_badptr(void) {
  uint64_t t[32];
  int n = targets(t);
  for (int i = 0; i < n; i++)
    for (int k = 0; k < 9; k++) {
      if (k == 1 || k == 2 || k == 3 || k == 5)
        continue;
      int64_t r = 0;
      if (call_a("attack", t[i], (uint64_t)k, E_OK, &r) == SFI_OK &&
          r != -1)
        FAIL("import case %d with 0x%" PRIx64 " returned %" PRId64
             ", want -1", k, t[i], r);
    }
  int bad[] = {1, 2, 3, 5, 9, 12};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    int64_t r = 0;
    if (call_a("attack", 0, (uint64_t)bad[i], E_OK, &r) == SFI_OK && r != -1)
      FAIL("import case %d returned %" PRId64 ", want -1", bad[i], r);
  }
  /* overlapping copy: memmove semantics, computed in the sandbox */
  int64_t r = 0, want = 0;
  signed char b[64];
  for (int i = 0; i < 64; i++)
    b[i] = (signed char)i;
  memmove(b + 1, b, 63);
  for (int i = 0; i < 64; i++)
    want = want * 31 + b[i];
  if (call_a("attack", 0, 10, E_OK, &r) == SFI_OK && r != want)
    FAIL("overlapping host_copy gave %" PRId64 ", want %" PRId64, r, want);
  if (call_a("attack", 0, 11, E_OK, &r) == SFI_OK && r < 0)
    FAIL("legitimate host_sum refused");
}

static void c_callback_nontable(void) {
  for (int k = 0; k < 8; k++) {
    int64_t fp = 0;
    if (call_a("give", (uint64_t)(uintptr_t)&escape_hit, (uint64_t)k, E_OK,
               &fp) != SFI_OK)
      continue;
    sfi_val r;
    calls++;
    int rc = sfi_call_addr(A, (uint64_t)fp, ":I", NULL, &r);
    if (k == 0) {
      if (rc != SFI_OK || r.i64 != 42)
        FAIL("a real entry 0x%" PRIx64 " was refused or wrong: rc %d, %"
             PRId64 " (%s)", (uint64_t)fp, rc, r.i64, sfi_errmsg());
    } else if (rc != SFI_ERR_INVALID) {
      FAIL("ESCAPE (control): sfi_call_addr accepted non-entry 0x%" PRIx64
           " (case %d): rc %d (%s)", (uint64_t)fp, k, rc, sfi_errmsg());
      if (rc != SFI_OK)
        sfi_instance_reset(A);
    }
    if (k && sfi_is_funcptr(A, (uint64_t)fp))
      FAIL("sfi_is_funcptr accepts non-entry 0x%" PRIx64, (uint64_t)fp);
    check_world("sfi_call_addr");
  }
}

static void c_deep_recursion(void) {
  call_a("attack", 0, 100000000, E_STACK, NULL);
  int64_t r = 0;
  if (call_a("attack", 0, 100, E_OK, &r) == SFI_OK && r != 2 * 5050)
    FAIL("rec(100) = %" PRId64, r);
}

static void c_deep_frame(void) {
  call_a("attack", 0, 100000000, E_STACK, NULL);
}

static void c_giant_vla(void) {
  uint64_t sizes[] = {1ULL << 30, 64ULL << 20, 1ULL << 62, ~0ULL - 15,
                      0x100000000ULL, 0x100000010ULL, 1ULL << 63};
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
    for (int k = 0; k < 2; k++)
      call_a("attack", sizes[i], (uint64_t)k, E_STACK, NULL);
  call_a("attack", 100, 2, E_STACK, NULL);
  call_a("attack", 7, 3, E_STACK, NULL);
  int64_t r = 0;
  if (call_a("attack", 1 << 20, 0, E_OK, &r) == SFI_OK && r != 3)
    FAIL("a 1 MiB VLA returned %" PRId64, r);
  if (call_a("attack", 1 << 20, 1, E_OK, &r) == SFI_OK && r != 3)
    FAIL("a 1 MiB alloca returned %" PRId64, r);
}

static void o_heap_exhaustion(sfi_instance_options *o) {
  o->mem_limit = 64ULL << 20;
}
/* Sizes within 15 of SIZE_MAX: the shadow allocation rounds the size up to
 * 16 and wraps to 0, so the VLA gets no space at all (its accesses then land
 * on the caller's shadow frames). Still inside the region, but a pass bug. */
static void c_vla_size_wrap(void) {
  uint64_t sizes[] = {~0ULL, ~0ULL - 1, ~0ULL - 14};
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
    for (int k = 0; k < 2; k++)
      call_a("attack", sizes[i], (uint64_t)k, E_STACK, NULL);
}

static void c_heap_exhaustion(void) {
  int64_t r = 0;
  if (call_a("attack", 0, 1 << 20, E_OK, &r) == SFI_OK &&
      (r < 32 || r > 64))
    FAIL("heap exhaustion: got %" PRId64 " MiB under a 64 MiB limit "
         "(negative: a huge allocation succeeded)", r);
  sfi_instance_reset(A);
  if (call_a("attack", 0, 8 << 20, E_OK, &r) == SFI_OK && (r < 0 || r > 64))
    FAIL("heap exhaustion (8 MiB chunks): %" PRId64, r);
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void o_endless_loop(sfi_instance_options *o) { o->time_limit = 0.25; }
static void c_endless_loop(void) {
  for (int i = 0; i < 3; i++) {
    double t0 = now();
    call_a("attack", 0, 1, E_TIMEOUT, NULL);
    double dt = now() - t0;
    if (dt < 0.2 || dt > 3.0)
      FAIL("time limit 0.25 s ended the loop after %.3f s", dt);
  }
}

static void c_div_zero(void) {
  for (int k = 0; k < 7; k++)
    call_a("attack", 7, (uint64_t)k, E_DIV, NULL);
}

static void c_reentrancy(void) {
  int64_t r = 0;
  int rc = call_a("attack", 0, 0, E_OK | E_TRAP, &r);
  if (reenter_rc != SFI_TRAP_OOB)
    FAIL("inner call returned %d, want SFI_TRAP_OOB", reenter_rc);
  if (rc == SFI_OK && r != 1000 + SFI_TRAP_OOB)
    FAIL("outer call saw %" PRId64, r);
  sfi_instance_reset(A);
  /* the same through a callback the sandbox calls */
  uint64_t fp = sfi_callback_new(A, "i:I", (void *)host_reenter);
  reenter_rc = 0;
  if (!fp)
    FAIL("sfi_callback_new: %s", sfi_errmsg());
  else
    call_a("call_fp", fp, 0, E_OK | E_TRAP, NULL);
  if (reenter_rc != SFI_TRAP_OOB)
    FAIL("inner call through a callback returned %d", reenter_rc);
}

static double now(void);
static void c_jmpbuf_cross_call(void) {
  int64_t r = 0;
  reenter_rc = 0;
  if (call_a("attack", 0, 1, E_OK, &r) == SFI_OK &&
      r != 1000 + SFI_TRAP_ABORT)
    FAIL("outer call returned %" PRId64 " (7: the inner longjmp unwound "
         "through the host), want %d", r, 1000 + SFI_TRAP_ABORT);
  if (reenter_rc != SFI_TRAP_ABORT)
    FAIL("inner longjmp returned %d, want SFI_TRAP_ABORT", reenter_rc);
}

static void watchdog(int sig) {
  static const char msg[] = "FAIL: a call ran past its time limit (hung)\n";
  (void)sig;
  if (write(2, msg, sizeof msg - 1) < 0)
    _exit(98);
  _exit(98);
}

static void c_nested_timeout(void) {
  sfi_instance_options o = {0};
  o.time_limit = 0.2;
  nested_target = sfi_instance_new(mod_a, &o);
  if (!nested_target) {
    FAIL("instance C: %s", sfi_errmsg());
    return;
  }
  signal(SIGALRM, watchdog);
  alarm(5);
  int64_t r = 0;
  double t0 = now();
  call_a("attack", 0, 2, E_OK, &r);
  alarm(0);
  if (r == -1)
    FAIL("after the nested call into C, A ran with another region's %%gs "
         "base");
  if (reenter_rc != SFI_TRAP_TIMEOUT)
    FAIL("nested call into C returned %d after %.2f s, want "
         "SFI_TRAP_TIMEOUT", reenter_rc, now() - t0);
  sfi_instance_free(nested_target);
}

static void c_ssp_corrupt(void) {
  uint64_t t[32];
  int n = targets(t);
  for (int i = 0; i < n; i++)
    for (int k = 0; k < 2; k++)
      call_a("attack", t[i], (uint64_t)k, E_OK | E_OOB | E_STACK, NULL);
}

struct worker {
  sfi_instance *in;
  int trapper, bad;
  uint64_t base;
};
static void *worker(void *p) {
  struct worker *w = p;
  for (int i = 0; i < 300; i++) {
    sfi_val a[2], r;
    if (w->trapper) {
      a[0] = SFI_I64(w->base);
      a[1] = SFI_I64(i);
      int rc = sfi_call(w->in, "attack", "II:I", a, &r);
      if (rc != (i & 1 ? SFI_TRAP_DIV : SFI_TRAP_OOB))
        w->bad++;
      if (sfi_instance_reset(w->in) != SFI_OK)
        w->bad++;
    } else {
      a[0] = SFI_I64(i);
      a[1] = SFI_I64(20000);
      uint64_t x = (uint64_t)i;
      for (int k = 0; k < 20000; k++)
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      if (sfi_call(w->in, "work", "II:I", a, &r) != SFI_OK ||
          r.i64 != (int64_t)(x >> 1))
        w->bad++;
    }
  }
  return NULL;
}

static void c_threads(void) {
  sfi_instance *other = new_a(NULL);
  struct worker w[2] = {{A, 1, 0, a_base}, {other, 0, 0, 0}};
  pthread_t th[2];
  for (int i = 0; i < 2; i++)
    pthread_create(&th[i], NULL, worker, &w[i]);
  for (int i = 0; i < 2; i++)
    pthread_join(th[i], NULL);
  calls += 600;
  if (w[0].bad)
    FAIL("trapping thread: %d wrong outcomes", w[0].bad);
  if (w[1].bad)
    FAIL("computing thread: %d wrong results beside a trapping one",
         w[1].bad);
  check_world("threads");
  sfi_instance_free(other);
}

/* The granted directory tree of the system-interface class. */
static char tmpdir[64];
static uint8_t secret_want[32] = "top secret, outside the grant\n";

static void make_tree(void) {
  char p[256];
  snprintf(tmpdir, sizeof tmpdir, "/tmp/sfi-escape-XXXXXX");
  if (!mkdtemp(tmpdir)) {
    FAIL("mkdtemp");
    exit(1);
  }
  snprintf(p, sizeof p, "%s/g", tmpdir);
  mkdir(p, 0755);
  snprintf(p, sizeof p, "%s/g/ok.txt", tmpdir);
  FILE *f = fopen(p, "w");
  fputs("hello\n", f);
  fclose(f);
  snprintf(p, sizeof p, "%s/secret.txt", tmpdir);
  f = fopen(p, "w");
  fwrite(secret_want, 1, sizeof secret_want, f);
  fclose(f);
  snprintf(p, sizeof p, "%s/g/out", tmpdir);
  if (symlink("..", p) != 0)
    FAIL("symlink");
  snprintf(p, sizeof p, "%s/g/etc", tmpdir);
  if (symlink("/etc", p) != 0)
    FAIL("symlink");
}

static void check_tree(void) {
  char p[256];
  uint8_t got[64];
  snprintf(p, sizeof p, "%s/secret.txt", tmpdir);
  int fd = open(p, O_RDONLY);
  ssize_t n = fd >= 0 ? read(fd, got, sizeof got) : -1;
  if (fd >= 0)
    close(fd);
  if (n != (ssize_t)sizeof secret_want || memcmp(got, secret_want, (size_t)n))
    FAIL("ESCAPE: the file outside the grant was changed or removed");
  const char *never[] = {"moved", "newdir", "g/s", "new.txt"};
  for (size_t i = 0; i < sizeof never / sizeof *never; i++) {
    snprintf(p, sizeof p, "%s/%s", tmpdir, never[i]);
    if (access(p, F_OK) == 0)
      FAIL("ESCAPE: %s was created outside the grant", p);
  }
}

static void remove_tree(void) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
  if (system(cmd) != 0)
    fprintf(stderr, "cannot remove %s\n", tmpdir);
}

static char grant_host[256];
static const char *grant_hosts[1] = {grant_host}, *grant_guests[1] = {"/data"};
static int devnull = -1;
static void o_sys_interface(sfi_instance_options *o) {
  make_tree();
  atexit(remove_tree); /* also when the run stops early */
  snprintf(grant_host, sizeof grant_host, "%s/g", tmpdir);
  devnull = open("/dev/null", O_RDWR);
  o->dirs_host = grant_hosts;
  o->dirs_guest = grant_guests;
  o->ndirs = 1;
  o->stdio_fds[0] = o->stdio_fds[1] = o->stdio_fds[2] = devnull;
}
static void c_sys_interface(void) {
  uint64_t t[32];
  int n = targets(t);
  for (int k = 0; k <= 40; k++)
    for (int i = 0; i < n; i++) {
      int64_t r = 0;
      if (call_a("attack", t[i], (uint64_t)k, E_OK, &r) == SFI_OK && r >= 0)
        FAIL("system call case %d with 0x%" PRIx64 " succeeded (%" PRId64
             "): it should fail", k, t[i], r);
      if (r >= 1000 - 200 && r < 1000)
        FAIL("case %d: could not open a granted file (%" PRId64 ")", k,
             r - 1000);
      if (k >= 7 && k != 12 && k != 21 && k != 23 && k != 24 && k != 25 &&
          k < 34)
        break; /* cases that ignore t: once is enough */
    }
  check_tree();
  close(devnull);
}

/* Findings: attacks that compile today although they should not. */
static void c_extern_data(void) {
  int64_t where = 0, v = 0;
  call_a("where", 0, 0, E_OK, &where);
  if (((uint64_t)where >> 32) != (a_base >> 32))
    FAIL("ESCAPE (pointer): a global of the module has the host address "
         "0x%" PRIx64 " (outside the region)", (uint64_t)where);
  if (call_a("peek", 0, 0, E_OK | E_OOB, &v) == SFI_OK && !stores_only &&
      ((uint64_t)where >> 32) != (a_base >> 32) &&
      memcmp(&v, (const void *)(uintptr_t)where, 1) == 0)
    FAIL("ESCAPE (read): the sandbox read host byte 0x%02x at 0x%" PRIx64,
         (unsigned)(uint8_t)v, (uint64_t)where);
  if (((uint64_t)where >> 32) == (a_base >> 32))
    return;
  /* Plant a canary on the first free page above the thunk, within the
   * 1024 pages the module can reach with constant offsets, and aim there. */
  uint64_t page0 = ((uint64_t)where + PAGE - 1) & ~(PAGE - 1);
  for (uint64_t k = 1; k < 1024; k++) {
    uint64_t at = page0 + (k - 1) * PAGE;
    void *p = mmap((void *)at, PAGE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p == MAP_FAILED || (uint64_t)p != at) {
      if (p != MAP_FAILED)
        munmap(p, PAGE);
      continue;
    }
    memset(p, 0x5a, PAGE);
    uint64_t idx = (at + PAGE - 1 - (uint64_t)where) / PAGE;
    call_a("attack", 0, idx, E_OK | E_OOB, NULL);
    for (size_t i = 0; i < PAGE; i++)
      if (((uint8_t *)p)[i] != 0x5a) {
        FAIL("ESCAPE (write): the sandbox wrote 0x%02x into host page 0x%"
             PRIx64 " (+%zu) through thunk+%" PRIu64 " pages",
             ((uint8_t *)p)[i], at, i, idx);
        break;
      }
    munmap(p, PAGE);
    return;
  }
  fprintf(stderr, "%s: no free page within 4 MiB above the thunk\n", cls);
}

/* Finds pat in the first n bytes of sandbox code at a; returns its address
 * or 0. The harness reads code the way an attacker's planning would. */
static uint64_t find_code(uint64_t a, size_t n, const uint8_t *pat, size_t m) {
  const uint8_t *p = sfi_ptr(A, a, n, 0);
  for (size_t i = 0; p && i + m <= n; i++)
    if (memcmp(p + i, pat, m) == 0)
      return a + i;
  return 0;
}

static void c_switch_unreachable(void) {
  int64_t r = 0;
  if (call_a("attack", 3, 0x10, E_OK, &r) == SFI_OK && r != (0x10 ^ 0x55))
    FAIL("dispatch(3, 0x10) = %" PRId64, r);
  uint64_t disp = sfi_lookup(A, "dispatch"), poke = sfi_lookup(A, "poke");
  const uint8_t *d = disp ? sfi_ptr(A, disp, 64, 0) : NULL;
  if (!d || !poke) {
    FAIL("no dispatch/poke exports");
    return;
  }
  /* The table: lea disp32(%rip), %reg (48 8d modrm with mod 0, rm 5). */
  uint64_t table = 0;
  int reg = -1;
  for (int i = 0; i + 7 <= 64 && !table; i++)
    if ((d[i] == 0x48 || d[i] == 0x4c) && d[i + 1] == 0x8d &&
        (d[i + 2] & 0xc7) == 0x05) {
      int32_t rel;
      memcpy(&rel, d + i + 3, 4);
      table = disp + (uint64_t)i + 7 + (uint64_t)(int64_t)rel;
      reg = ((d[i + 2] >> 3) & 7) | (d[i] == 0x4c ? 8 : 0);
    }
  /* The store past poke's mask: %gs scheme `mov %rsi,%gs:(%rax)`, anchor
   * scheme `mov %rsi,(%rcx,%rax,1)` (rcx then still holds the table). */
  static const uint8_t gs_store[] = {0x65, 0x48, 0x89, 0x30};
  static const uint8_t anchor_store[] = {0x48, 0x89, 0x34, 0x01};
  uint64_t gadget = find_code(poke, 64, gs_store, 4), base_reg = a_base;
  if (!gadget && reg == 1) {
    gadget = find_code(poke, 64, anchor_store, 4);
    base_reg = table;
  }
  if (!table || !gadget) {
    fprintf(stderr, "%s: no unchecked jump table or no store gadget found "
            "(table 0x%" PRIx64 ", gadget 0x%" PRIx64 "): codegen changed\n",
            cls, table, gadget);
    for (uint64_t x = 8; x < 64; x += 5)
      call_a("attack", x << 40, 0, E_OK | E_TRAP, NULL);
    return;
  }
  uint64_t h = sfi_malloc(A, 64);
  if (!h) {
    FAIL("sfi_malloc: %s", sfi_errmsg());
    return;
  }
  h += (table - h) & 3; /* table + 4x must hit h exactly */
  int32_t rel = (int32_t)(int64_t)(gadget - table);
  if (sfi_copy_in(A, h, &rel, 4) != SFI_OK) {
    FAIL("sfi_copy_in: %s", sfi_errmsg());
    return;
  }
  uint64_t x = (h - table) / 4;
  uint64_t target = mon.canaries[0].addr; /* the page right below the region */
  fprintf(stderr, "%s: table 0x%" PRIx64 ", gadget 0x%" PRIx64 ", index 0x%"
          PRIx64 ", aiming at 0x%" PRIx64 "\n", cls, table, gadget, x, target);
  call_a("attack", x, target - base_reg, E_OK | E_TRAP, NULL);
  /* check_world has compared every canary: a write there is an ESCAPE. */
}

/* vector_extract reads absolute (uint32_t)p: map a host canary page at the
 * low address equal to the region offset of a heap buffer of A. */
static void c_vector_extract(void) {
  int64_t r = 0;
  uint64_t h = sfi_malloc(A, 64);
  if (!h) {
    FAIL("sfi_malloc: %s", sfi_errmsg());
    return;
  }
  h = (h + 15) & ~15ULL;
  uint64_t low = h & SFI_OFFSET_MASK, page = low & ~(PAGE - 1);
  uint8_t *p = mmap((void *)page, PAGE, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (p == MAP_FAILED || (uint64_t)p != page) {
    /* Nothing there to read: the stray load faults outside the region,
     * which call_a reports as well. */
    fprintf(stderr, "%s: cannot map 0x%" PRIx64 "; checking faults only\n",
            cls, page);
    p = NULL;
  } else {
    uint64_t magic = MAGIC | 0x55;
    memset(p, 0x5a, PAGE);
    memcpy(p + (low - page), &magic, 8);
  }
  for (uint64_t i = 0; i < 2; i++) {
    if (call_a("attack", h, i, E_OK | E_OOB, &r) == SFI_OK &&
        r != (i ? 0x2222 : 0x1111))
      FAIL("ESCAPE (read): extract(p, %" PRIu64 ") returned 0x%" PRIx64
           ", not the vector's element%s", i, (uint64_t)r,
           p && (uint64_t)r == (MAGIC | 0x55) ? ": the host canary at the "
           "absolute address (uint32_t)p" : "");
  }
  if (p)
    munmap(p, PAGE);
}

static void c_fpu_state(void) {
  int64_t r = 0;
  for (int i = 0; i < 3; i++) {
    if (call_a("attack", 1, 2, E_OK, &r) == SFI_OK && r != 22 * 1000 + 3)
      FAIL("host import's long double math after MMX use: %" PRId64
           " (want %d): the import ran with the sandbox's x87 state", r,
           22 * 1000 + 3);
    long double h = host_x87(2.0L);
    if (h != 7.0L)
      FAIL("host long double math after the call: %Lf, want 7: the call "
           "left the x87/MMX state dirty", h);
  }
  for (int i = 0; i < 9; i++) {
    sfi_val v;
    calls++;
    if (sfi_call(A, "leave_x87", ":d", NULL, &v) != SFI_OK)
      FAIL("leave_x87: %s", sfi_errmsg());
  }
  int64_t mode = -1;
  if (call_a("round_mode", 0, 0, E_OK, &mode) == SFI_OK &&
      mode != FE_TONEAREST)
    FAIL("a host import ran under the sandbox's rounding mode (%" PRId64
         ", host default %d)", mode, FE_TONEAREST);
  if (fegetround() != FE_TONEAREST)
    FAIL("the host's rounding mode changed after the call");
  long double h = host_x87(2.0L);
  if (h != 7.0L)
    FAIL("host long double math after 9 calls leaving an x87 value: %Lf, "
         "want 7", h);
  check_world("fpu_state");
}

/* mmx_state: MMX instructions in hand-written assembly (clang lowers MMX
 * intrinsics to SSE, so fpu_state's C no longer leaves MMX state), then an
 * import doing long double math: as the first import of the call (whose
 * thunk asks XINUSE) and after six others (whose thunk uses emms alone,
 * runtime/thunk.c); and the host's own long double math after each call. */
static void c_mmx_state(void) {
  for (int i = 0; i < 4; i++) {
    int64_t r = 0;
    const char *fn = (i & 1) ? "attack_late" : "attack";
    if (call_a(fn, 1, 2, E_OK, &r) == SFI_OK && r != 22 * 1000 + 3)
      FAIL("%s: the host import's long double math after MMX use gave "
           "%" PRId64 " (want %d): the import ran with the sandbox's MMX "
           "state",
           fn, r, 22 * 1000 + 3);
    long double h = host_x87(2.0L);
    if (h != 7.0L)
      FAIL("%s: host long double math after the call: %Lf, want 7: the "
           "call left the MMX state dirty",
           fn, h);
  }
  check_world("mmx_state");
}

/* weak_undef reaches host address 0x10000000: put a canary there. */
static void c_weak_undef(void) {
  int64_t where = 0, v = 0;
  call_a("where", 0, 0, E_OK, &where);
  if (((uint64_t)where >> 32) != (a_base >> 32))
    FAIL("ESCAPE (pointer): a global of the module has the address 0x%"
         PRIx64 " (outside the region)", (uint64_t)where);
  uint64_t at = 0x10000000;
  uint8_t *p = mmap((void *)at, PAGE, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (p == MAP_FAILED || (uint64_t)p != at) {
    FAIL("cannot map the canary at 0x%" PRIx64, at);
    return;
  }
  memset(p, 0x5a, PAGE);
  uint64_t magic = MAGIC | 0x77;
  memcpy(p, &magic, 8);
  if (call_a("attack", 0, 1, E_OK | E_OOB, &v) == SFI_OK && !stores_only &&
      (uint8_t)v == (uint8_t)magic)
    FAIL("ESCAPE (read): the sandbox read host byte 0x%02x at 0x%" PRIx64,
         (unsigned)(uint8_t)v, at);
  call_a("attack", 0, 0, E_OK | E_OOB, NULL);
  if (p[0] != (uint8_t)magic)
    FAIL("ESCAPE (write): the sandbox wrote 0x%02x at host address 0x%"
         PRIx64, p[0], at);
  munmap(p, PAGE);
}

/* patched_module (issue 13): the bystander module with its machine code
 * patched after linking, the way an attacker who controls the module file
 * would; sfi_module_load must refuse every variant, naming the rule. */
static int patch_and_load(const uint8_t *img, size_t n, const uint8_t *pat,
                          size_t plen, size_t at, uint8_t to, const char *what) {
  /* Search the executable segment only (the pattern may be text too). */
  const Elf64_Ehdr *eh = (const Elf64_Ehdr *)img;
  size_t lo = 0, hi = 0;
  for (int k = 0; k < eh->e_phnum; k++) {
    const Elf64_Phdr *ph =
        (const Elf64_Phdr *)(img + eh->e_phoff + k * sizeof(Elf64_Phdr));
    if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X)) {
      lo = ph->p_offset;
      hi = ph->p_offset + ph->p_filesz;
    }
  }
  size_t i = lo;
  while (i + plen <= hi && i + plen <= n && memcmp(img + i, pat, plen) != 0)
    i++;
  if (i + plen > hi || i + plen > n) {
    FAIL("%s: pattern not found in victim.so", what);
    return -1;
  }
  uint8_t *p = malloc(n);
  memcpy(p, img, n);
  p[i + at] = to;
  char path[] = "/tmp/sfi-patched-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0 || write(fd, p, n) != (ssize_t)n) {
    FAIL("%s: cannot write the patched module", what);
    free(p);
    return -1;
  }
  close(fd);
  free(p);
  calls++;
  sfi_module *m = sfi_module_load(path, imports, NULL);
  unlink(path);
  if (m) {
    FAIL("ESCAPE (verifier): %s: the patched module loaded", what);
    sfi_module_free(m);
    return 1;
  }
  if (!strstr(sfi_errmsg(), "machine code rejected"))
    FAIL("%s: refused for another reason: %s", what, sfi_errmsg());
  else
    fprintf(stderr, "%s: %s: refused: %s\n", cls, what, sfi_errmsg());
  return 0;
}

static void c_patched_module(void) {
  char path[4096];
  snprintf(path, sizeof path, "%s/victim.so", moddir);
  FILE *f = fopen(path, "rb");
  static uint8_t img[4 << 20];
  size_t n = f ? fread(img, 1, sizeof img, f) : 0;
  if (f)
    fclose(f);
  if (!n) {
    FAIL("cannot read %s", path);
    return;
  }
  /* %gs access loses its 0x67: a 64-bit address. */
  static const uint8_t gs32[] = {0x65, 0x67, 0x48};
  patch_and_load(img, n, gs32, 3, 1, 0x90, "address-size prefix dropped");
  /* The table's trap entry (ud2, int3...) becomes a syscall. */
  static const uint8_t ud2[] = {0x0f, 0x0b, 0xcc, 0xcc};
  patch_and_load(img, n, ud2, 4, 1, 0x05, "syscall in the jump table");
  /* The first `ret` of the code after a pop becomes `int $0x..`: cd xx. */
  static const uint8_t popret[] = {0x5b, 0xc3, 0x66};
  patch_and_load(img, n, popret, 3, 1, 0xcd, "int instruction");
  /* A %gs store's segment becomes %fs. */
  patch_and_load(img, n, gs32, 3, 0, 0x64, "%fs segment");
}

static void c_forged_marker(void) {
  uint64_t t[32];
  int n = targets(t);
  for (int i = 0; i < n - 1; i++)
    call_a("attack", t[i], 0x4141414141414141ULL, E_OK | E_OOB, NULL);
}

static void c_jt_inject(void) {
  uint64_t t[32];
  int n = targets(t);
  for (int i = 0; i < n - 1; i++)
    call_a("attack", t[i], 0, E_CALLTRAP | E_OOB, NULL);
}

static void c_jt_bounds_forge(void) {
  uint64_t body = sfi_lookup(A, "body");
  if (!body) {
    FAIL("no export body");
    return;
  }
  if (sfi_is_funcptr(A, body))
    FAIL("ESCAPE (control): sfi_is_funcptr accepts the function body 0x%"
         PRIx64 ", which is not a jump-table entry", body);
  int64_t r = 0;
  /* an indirect call (in qsort) to the body itself must trap */
  if (call_a("attack", body, 1, E_CALLTRAP, &r) == SFI_OK && r == 1)
    FAIL("ESCAPE (control): an indirect call reached a non-entry (body "
         "returned %" PRId64 ")", r);
  sfi_val a = SFI_I64(1), rv;
  uint64_t mid = sfi_lookup(A, "attack") + 16; /* inside attack() */
  calls++;
  int rc = sfi_call_addr(A, mid, "I:I", &a, &rv);
  if (rc != SFI_ERR_INVALID) {
    FAIL("ESCAPE (control): sfi_call_addr accepted 0x%" PRIx64 " (attack+16): "
         "rc %d", mid, rc);
    if (rc != SFI_OK)
      sfi_instance_reset(A);
  }
  check_world("sfi_call_addr(body+16)");
}

static void c_refused_asm(void) {
  uint64_t t[32];
  int n = targets(t);
  for (int i = 0; i < n - 1; i++)
    call_a("attack", t[i], 16, E_TRAP, NULL);
}

/* reg_clobber: attack(target, how) returns with every callee-saved
 * register aimed at target (rbx at target - 200, where the old sfi__enter
 * stored the result through it), plus DF, MXCSR, x87 CW, AC, TF as `how`
 * says (see modules/reg_clobber_asm.S). The host must get the result, run
 * on with its own state and leave every canary alone. */
static void check_host_state(const char *what) {
  uint64_t fl = rflags_now();
  if (fl & (0x400 | 0x40000 | 0x100))
    FAIL("%s: the host runs with RFLAGS 0x%" PRIx64 " (DF/AC/TF left set by "
         "the sandbox)", what, fl);
  if (fp_state_bad())
    FAIL("%s: the host runs with the sandbox's MXCSR or x87 control word",
         what);
  if (fegetround() != FE_TONEAREST)
    FAIL("%s: the host's rounding mode changed", what);
}

static void c_reg_clobber(void) {
  /* Bits 8, 16 and 64 (AC, TF) need popf, which the loader's verifier
   * forbids, so the module no longer sets them: every call must return. */
  static const uint64_t hows[] = {0,  1,  2,      4,       7,  8,      16,
                                  31, 39, 47,     32,      63, 64 | 32,
                                  32 | 7, 32 | 15, 64 | 39};
  for (int i = 0; i < mon.ncanaries; i++)
    for (size_t k = 0; k < sizeof hows / sizeof *hows; k++) {
      char what[96];
      int64_t r = 0;
      uint64_t t = mon.canaries[i].addr + 256, how = hows[k];
      if (call_a("attack", t, how, E_OK, &r) ==
              SFI_OK &&
          r != ((how & 32) ? 0 : 0x4242))
        FAIL("attack(0x%" PRIx64 ", %" PRIu64 ") returned 0x%" PRIx64
             "%s", t, how, (uint64_t)r,
             (how & 32) ? ": an import ran with the sandbox's DF/AC/FP state"
                        : "");
      snprintf(what, sizeof what, "attack(0x%" PRIx64 ", %" PRIu64 ")", t,
               how);
      check_host_state(what);
    }
}

/* big_bss: mem_limit must count the writable image (data, bss) and the
 * shadow stack as well as the heap. */
static void c_big_bss(void) {
  sfi_instance_options o = {0};
  o.mem_limit = 16ULL << 20;
  calls++;
  sfi_instance *in = sfi_instance_new(mod_a, &o);
  if (in) {
    sfi_val a[2] = {SFI_I64(0), SFI_I64(0)}, r = {0};
    int rc = sfi_call(in, "attack", "II:I", a, &r);
    FAIL("LIMIT: an instance with 128 MiB of bss was created under a 16 MiB "
         "memory limit; it touched %" PRId64 " pages (rc %d)", r.i64, rc);
    sfi_instance_free(in);
  } else if (!strstr(sfi_errmsg(), "writable image (data and bss) of 134") ||
             !strstr(sfi_errmsg(), "limit of 16777216 bytes")) {
    FAIL("refused, but the message does not name both sizes: %s",
         sfi_errmsg());
  }
  /* the shadow stack counts: 32 MiB of it under 16 MiB */
  o.shadow_stack = 32ULL << 20;
  calls++;
  in = sfi_instance_new(mod_b, &o);
  if (in) {
    FAIL("LIMIT: a 32 MiB shadow stack was mapped under a 16 MiB limit");
    sfi_instance_free(in);
  }
  /* data, bss, shadow stack and heap together stay under the limit */
  o.shadow_stack = 4ULL << 20;
  in = sfi_instance_new(mod_b, &o);
  if (!in) {
    FAIL("instance of victim under 16 MiB: %s", sfi_errmsg());
  } else {
    uint64_t got = 0;
    while (got < (64ULL << 20) && sfi_malloc(in, 1 << 20))
      got += 1 << 20;
    calls++;
    if (got > (12ULL << 20))
      FAIL("LIMIT: the heap grew to %" PRIu64 " MiB beside a 4 MiB shadow "
           "stack under a 16 MiB limit", got >> 20);
    sfi_instance_free(in);
  }
  /* under a limit that holds the bss, the module works */
  o.mem_limit = 256ULL << 20;
  o.shadow_stack = 0;
  in = sfi_instance_new(mod_a, &o);
  if (!in) {
    FAIL("instance with 128 MiB of bss under 256 MiB: %s", sfi_errmsg());
  } else {
    sfi_val a[2] = {SFI_I64(0), SFI_I64(0)}, r = {0};
    calls++;
    if (sfi_call(in, "attack", "II:I", a, &r) != SFI_OK || r.i64 != 32768)
      FAIL("touching the bss under 256 MiB: %s (%" PRId64 ")", sfi_errmsg(),
           r.i64);
    sfi_instance_free(in);
  }
  check_world("big_bss");
}

/* ---- the class table ----------------------------------------------------- */
struct cls {
  const char *name;
  const char *mod; /* module name; NULL: the class name */
  void (*run)(void);
  void (*opts)(sfi_instance_options *o); /* A's options, or NULL */
  /* Refusal by the toolchain or loader counts as contained. */
  int refusal_ok;
  const char *why;
};

static const struct cls classes[] = {
    {"wild_write", NULL, c_wild_write, NULL, 0, "stores to absolute host addresses"},
    {"text_data", NULL, c_text_data, NULL, 1, "exported const data in .text entered mid-instruction by sfi_call"},
    {"wild_read", NULL, c_wild_read, NULL, 0, "loads from absolute host addresses"},
    {"libcall_read", NULL, c_libcall_read, NULL, 0, "host bytes through memcmp calls code generation would expand"},
    {"ptr_wrap", NULL, c_ptr_wrap, NULL, 0, "pointer arithmetic wrapping 2^64/2^32"},
    {"neg_offset", NULL, c_neg_offset, NULL, 0, "negative offsets below the region"},
    {"sig_confusion", NULL, c_sig_confusion, NULL, 0, "indirect calls with more/fewer arguments than the callee takes"},
    {"past_4g", NULL, c_past_4g, NULL, 0, "offsets just past 4 GiB, max folds"},
    {"vector_end", NULL, c_vector_end, NULL, 0, "AVX2/AVX-512 accesses at region end"},
    {"memops", NULL, c_memops, NULL, 0, "memcpy/memset/memmove huge or wrapping"},
    {"atomics", NULL, c_atomics, NULL, 0, "atomics on host addresses"},
    {"fptr_forged", NULL, c_fptr_forged, NULL, 0, "forged function pointers"},
    {"fptr_midfunc", NULL, c_fptr_midfunc, NULL, 0, "pointers into a function's middle"},
    {"fptr_padding", NULL, c_fptr_padding, NULL, 0, "pointers into table padding"},
    {"fptr_data", NULL, c_fptr_data, NULL, 1, "function pointers to data (v2: the optimizer makes a direct call to the data symbol, which the loader's verifier refuses)"},
    {"ret_overwrite", NULL, c_ret_overwrite, NULL, 0, "stack smash of return address"},
    {"jmpbuf_forged", NULL, c_jmpbuf_forged, NULL, 0, "forged jmp_buf"},
    {"jmpbuf_stale", NULL, c_jmpbuf_stale, NULL, 0, "jmp_buf of a returned frame"},
    {"varargs_overread", NULL, c_varargs_overread, NULL, 0, "va_arg past the arguments"},
    {"got_write", NULL, c_got_write, NULL, 0, "writes over the GOT and code"},
    {"cbslot_write", NULL, c_cbslot_write, NULL, 0, "writes to the callback slots"},
    {"code_write", NULL, c_code_write, NULL, 0, "writes to code pages"},
    {"rodata_write", NULL, c_rodata_write, NULL, 0, "writes to read-only data"},
    {"import_badptr", NULL, c_import_badptr, NULL, 0, "imports given bad pointers"},
    {"callback_nontable", NULL, c_callback_nontable, NULL, 0, "non-entry fn to host"},
    {"deep_recursion", NULL, c_deep_recursion, NULL, 0, "native stack exhaustion"},
    {"deep_frame", NULL, c_deep_frame, NULL, 0, "native stack exhaustion with 5.6 KiB frames (%rsp inside the guard)"},
    {"giant_vla", NULL, c_giant_vla, NULL, 0, "giant VLA/alloca on the shadow stack"},
    {"vla_size_wrap", "giant_vla", c_vla_size_wrap, NULL, 0, "VLA size wrapping to 0"},
    {"heap_exhaustion", NULL, c_heap_exhaustion, o_heap_exhaustion, 0, "heap past the memory limit"},
    {"endless_loop", NULL, c_endless_loop, o_endless_loop, 0, "loop past the time limit"},
    {"div_zero", NULL, c_div_zero, NULL, 0, "division by zero, INT_MIN / -1"},
    {"reentrancy", NULL, c_reentrancy, NULL, 0, "callback re-entering and trapping"},
    {"jmpbuf_cross_call", NULL, c_jmpbuf_cross_call, NULL, 0, "longjmp across a host frame"},
    {"nested_timeout", NULL, c_nested_timeout, NULL, 0, "time limit in a nested call"},
    {"ssp_corrupt", NULL, c_ssp_corrupt, NULL, 0, "shadow stack pointer overwritten"},
    {"threads", NULL, c_threads, NULL, 0, "two threads, one trapping"},
    {"sys_interface", NULL, c_sys_interface, o_sys_interface, 0, "system interface abuse"},
    {"extern_data", NULL, c_extern_data, NULL, 1, "import bound as a data global"},
    {"switch_unreachable", NULL, c_switch_unreachable, NULL, 1, "unbounded switch jump table"},
    {"vector_extract", NULL, c_vector_extract, NULL, 0, "variable vector extract after a store"},
    {"fpu_state", NULL, c_fpu_state, NULL, 0, "x87/MMX state left dirty"},
    {"mmx_state", NULL, c_mmx_state, NULL, 0, "MMX state left before imports and on return"},
    {"weak_undef", NULL, c_weak_undef, NULL, 1, "undefined weak hidden global"},
    {"forged_marker", NULL, c_forged_marker, NULL, 1, "__sfi_note: pass skipped"},
    {"jt_inject", NULL, c_jt_inject, NULL, 1, "data placed in the jump table"},
    {"jt_bounds_forge", NULL, c_jt_bounds_forge, NULL, 1, "user __start_sfi_jt"},
    {"refused_asm", NULL, c_refused_asm, NULL, 1, "inline asm and __seg_fs"},
    {"flag_bypass", NULL, c_forged_marker, NULL, 1, "-Xclang -disable-llvm-passes"},
    {"env_bypass", NULL, c_forged_marker, NULL, 1, "CCC_OVERRIDE_OPTIONS"},
    {"ir_input", NULL, c_forged_marker, NULL, 1, "IR with the sfi.sandboxed flag"},
    {"big_bss", NULL, c_big_bss, NULL, 0, "bss and shadow stack past the memory limit"},
    {"patched_module", "victim", c_patched_module, NULL, 0, "module code patched after linking"},
    {"raw_object", NULL, c_forged_marker, NULL, 1, "C compiled without the pass, linked with the crt"},
    {"reg_clobber", NULL, c_reg_clobber, NULL, 0, "callee-saved registers, DF, AC, TF, MXCSR, x87 CW garbled"},
};
#define NCLASSES (sizeof classes / sizeof *classes)

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "--list") == 0) {
    for (size_t i = 0; i < NCLASSES; i++)
      printf("%s\n", classes[i].name);
    return 0;
  }
  if (argc != 3) {
    fprintf(stderr, "usage: %s CLASS MODULE_DIR | --list\n", argv[0]);
    return 2;
  }
  moddir = argv[2];
  __asm__ volatile("stmxcsr %0" : "=m"(host_mxcsr));
  __asm__ volatile("fnstcw %0" : "=m"(host_fcw));
  stores_only = getenv("ESCAPE_STORES_ONLY") != NULL;
  const struct cls *c = NULL;
  for (size_t i = 0; i < NCLASSES; i++)
    if (strcmp(classes[i].name, argv[1]) == 0)
      c = &classes[i];
  if (!c) {
    fprintf(stderr, "unknown class %s\n", argv[1]);
    return 2;
  }
  cls = c->name;
  snprintf(fail_prefix, sizeof fail_prefix, "%s: FAIL: ", cls);
  int refused;
  mod_b = load("victim", &refused);
  if (!mod_b) {
    fprintf(stderr, "%s: cannot load the bystander: %s\n", cls, sfi_errmsg());
    return 1;
  }
  mod_a = load(c->mod ? c->mod : c->name, &refused);
  if (!mod_a) {
    if (refused && c->refusal_ok) {
      fprintf(stderr, "%s: CONTAINED (refused by the %s) - %s\n", cls,
              refused == 1 ? "compiler" : "loader", c->why);
      return 0;
    }
    fprintf(stderr, "%s: FAIL: module not loaded (%s)\n", cls,
            refused ? "refused, but this class must compile" : "missing");
    return 1;
  }
  sfi_instance_options o = {0};
  if (c->opts)
    c->opts(&o);
  /* A first: it then gets the first region of a fresh pool chunk, so the
   * page right below it is free for a canary; B takes the region above. */
  A = new_a(&o);
  a_base = sfi_region_base(A);
  if (!(B = sfi_instance_new(mod_b, NULL))) {
    fprintf(stderr, "%s: cannot create the bystander: %s\n", cls,
            sfi_errmsg());
    return 1;
  }
  setup_canaries();
  c->run();
  check_world("end");
  fprintf(stderr, "%s: %d calls, %d failures: %s - %s\n", cls, calls,
          mon.failures, mon.failures ? "NOT CONTAINED" : "CONTAINED", c->why);
  if (c->refusal_ok && !mon.failures)
    fprintf(stderr, "%s: note: compiled and loaded, attack contained at "
            "run time\n", cls);
  sfi_instance_free(A);
  sfi_instance_free(B);
  return mon.failures ? 1 : 0;
}
