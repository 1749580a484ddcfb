/* call.c: calls into a sandbox. Per-thread state (the sandbox native stack,
 * the chain of active calls), the %gs base switch, argument marshalling
 * from signature strings, and the checks on function addresses. */
#include <asm/prctl.h>
#include <cpuid.h>
#include <errno.h>
#include <immintrin.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "internal.h"

/* Initial-exec so that enter.S reaches it through %fs (asm_offsets.h). */
_Thread_local struct sfi_thread sfi__thread_state
    __attribute__((tls_model("initial-exec")));
static pthread_key_t thread_key;
static pthread_once_t thread_once = PTHREAD_ONCE_INIT;
static int fsgsbase = -1;

/* Which register state sfi__enter clears (enter.S): 0 SSE only, 1 AVX
 * (vzeroupper), 2 AVX-512 (also zmm16-31 and k0-k7). */
__attribute__((visibility("hidden"))) int sfi__cpu_clear;
/* 1: XGETBV with ECX=1 (XINUSE) and XRSTOR are usable, so the transitions
 * reinitialize the x87 state only when the processor says it is in use. */
__attribute__((visibility("hidden"))) unsigned char sfi__cpu_xinuse;

static void detect_cpu_clear(void) {
  __builtin_cpu_init();
  sfi__cpu_clear = __builtin_cpu_supports("avx512f") ? 2
                   : __builtin_cpu_supports("avx")   ? 1
                                                     : 0;
  unsigned a, b, c, d;
  /* OSXSAVE (CPUID.1:ECX[27]) and XGETBV ECX=1 (CPUID.(0DH,1):EAX[2]); the
   * kernel enables x87 in XCR0 whenever it enables XSAVE. */
  if (__get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 27)) &&
      __get_cpuid_max(0, NULL) >= 0xd) {
    __cpuid_count(0xd, 1, a, b, c, d);
    sfi__cpu_xinuse = (a & 4) != 0;
  }
  (void)b;
}

/* Before anything can call in: a module load asks, so a host constructor
 * that runs before this library's own still gets the clears (review: it
 * saw the host's AVX and AVX-512 registers from the sandbox). */
void sfi__cpu_init(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, detect_cpu_clear);
}

__attribute__((constructor(101))) static void cpu_init_early(void) {
  sfi__cpu_init();
}

int64_t sfi__thread_tpoff(const void *field) {
  uint64_t fsb; /* the TCB's self pointer: the %fs base */
  __asm__("mov %%fs:0, %0" : "=r"(fsb));
  return (int64_t)((uint64_t)field - fsb);
}

struct sfi_thread *sfi__thread(void) {
  return &sfi__thread_state;
}

static void thread_exit(void *p) {
  struct sfi_thread *t = p;
  if (t->timer_ok)
    timer_delete(t->timer);
  if (t->altstack) {
    stack_t ss = {.ss_flags = SS_DISABLE};
    sigaltstack(&ss, NULL);
    munmap(t->altstack, SFI_ALTSTACK_SIZE);
  }
  for (int i = 0; i < SFI_NSTACKS; i++)
    if (t->stacks[i].map)
      munmap(t->stacks[i].map, t->stacks[i].map_size);
  memset(t, 0, sizeof *t);
}

static void make_key(void) {
  pthread_key_create(&thread_key, thread_exit);
  fsgsbase = (getauxval(AT_HWCAP2) & 2) != 0;
}

/* One sandbox native stack: SFI_NSTACK_SIZE bytes aligned to their size,
 * the lowest SFI_NSTACK_GUARD of them PROT_NONE. Two mappings. Failures
 * set the error message only if report. */
static int stack_alloc(struct sfi_nstack *s, int report) {
  /* Reserve SFI_NSTACK_BELOW of PROT_NONE under the aligned block too: a
   * frame too big for the 1 MiB guard still faults instead of landing in
   * whatever the host mapped below. */
  uint64_t len = SFI_NSTACK_BELOW + 2 * SFI_NSTACK_SIZE;
  void *p = mmap(NULL, len, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED)
    return report ? sfi__err(SFI_ERR_NOMEM,
                             "cannot reserve a sandbox stack: %s",
                             strerror(errno))
                  : SFI_ERR_NOMEM;
  uint64_t lo = (uint64_t)p;
  uint64_t al =
      (lo + SFI_NSTACK_BELOW + SFI_NSTACK_SIZE - 1) & ~(SFI_NSTACK_SIZE - 1);
  uint64_t keep = al - SFI_NSTACK_BELOW, end = al + SFI_NSTACK_SIZE;
  if (keep > lo)
    munmap(p, keep - lo);
  if (lo + len > end)
    munmap((void *)end, lo + len - end);
  if (mprotect((void *)(al + SFI_NSTACK_GUARD),
               SFI_NSTACK_SIZE - SFI_NSTACK_GUARD,
               PROT_READ | PROT_WRITE) != 0) {
    int e = errno;
    munmap((void *)keep, end - keep);
    return report ? sfi__err(SFI_ERR_NOMEM, "cannot map a sandbox stack: %s",
                             strerror(e))
                  : SFI_ERR_NOMEM;
  }
  s->map = (void *)keep;
  s->map_size = end - keep;
  s->lo = al + SFI_NSTACK_GUARD;
  s->hi = al + SFI_NSTACK_SIZE;
  s->owner = 0;
  s->used = 0;
  return SFI_OK;
}

static void stack_use(struct sfi_thread *t, int i) {
  const struct sfi_nstack *s = &t->stacks[i];
  t->cur = i;
  t->stack_map = s->map;
  t->stack_map_size = s->map_size;
  t->stack_lo = s->lo;
  t->stack_hi = s->hi;
}

/* The thread's first sandbox native stack and its signal stack. */
int sfi__thread_prepare(struct sfi_thread *t) {
  pthread_once(&thread_once, make_key);
  if (t->stack_map)
    return SFI_OK;
  int rc = stack_alloc(&t->stacks[0], 1);
  if (rc != SFI_OK)
    return rc;
  stack_t old;
  if (sigaltstack(NULL, &old) == 0 && (old.ss_flags & SS_DISABLE)) {
    void *a = mmap(NULL, SFI_ALTSTACK_SIZE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    stack_t ss = {.ss_sp = a, .ss_size = SFI_ALTSTACK_SIZE};
    if (a == MAP_FAILED || sigaltstack(&ss, NULL) != 0) {
      if (a != MAP_FAILED)
        munmap(a, SFI_ALTSTACK_SIZE);
      munmap(t->stacks[0].map, t->stacks[0].map_size);
      memset(&t->stacks[0], 0, sizeof t->stacks[0]);
      return sfi__err(SFI_ERR_NOMEM, "cannot set a signal stack: %s",
                      strerror(errno));
    }
    t->altstack = a;
  }
  stack_use(t, 0);
  pthread_setspecific(thread_key, t);
  return SFI_OK;
}

/* The %gs base: wrgsbase/rdgsbase where the kernel allows them
 * (AT_HWCAP2 FSGSBASE), else arch_prctl. Inlined into sfi__call_raw. */
static inline __attribute__((target("fsgsbase"), always_inline)) void
set_gs(uint64_t v) {
  if (__builtin_expect(fsgsbase > 0, 1))
    _writegsbase_u64(v);
  else
    syscall(SYS_arch_prctl, ARCH_SET_GS, v);
}

static inline __attribute__((target("fsgsbase"), always_inline)) uint64_t
get_gs(void) {
  if (__builtin_expect(fsgsbase > 0, 1))
    return _readgsbase_u64();
  unsigned long v = 0;
  syscall(SYS_arch_prctl, ARCH_GET_GS, &v);
  return v;
}

__attribute__((target("fsgsbase"))) void sfi__set_gs(uint64_t v) {
  set_gs(v);
}
__attribute__((target("fsgsbase"))) uint64_t sfi__get_gs(void) {
  return get_gs();
}

sfi_instance *sfi_current(void) {
  struct sfi_thread *t = &sfi__thread_state;
  return t->top ? t->top->in : NULL;
}

/* The signature is checked as a whole before any argument is read. */
/* 1: argument type, 2: result type too ('v' is a result only). */
static int sig_class(char c) {
  switch (c) {
  case 'i':
  case 'I':
  case 'p':
  case 'f':
  case 'd':
    return 3;
  case 'v':
    return 2;
  default:
    return 0;
  }
}

/* Checks the signature as a whole and records each argument's type, the
 * integer-class (ng) and floating-point (nx) counts and the result type,
 * in one pass. */
static inline __attribute__((always_inline)) int
parse_sig(const char *sig, struct sfi_sig *ps) {
  const char *s = sig;
  int g = 0, x = 0;
  for (; *s && *s != ':'; s++) {
    if (s - sig >= SFI_MAX_ARGS) {
      sfi__err(SFI_ERR_INVALID, "signature '%s': more than %d arguments", sig,
               SFI_MAX_ARGS);
      return SFI_ERR_INVALID;
    }
    switch (*s) {
    case 'i':
    case 'I':
    case 'p':
      g++;
      break;
    case 'f':
    case 'd':
      x++;
      break;
    default:
      sfi__err(SFI_ERR_INVALID, "signature '%s': bad argument type '%c'", sig,
               *s);
      return SFI_ERR_INVALID;
    }
    ps->type[s - sig] = *s;
  }
  if (*s != ':' || !(sig_class(s[1]) & 2) || s[2] != 0) {
    sfi__err(SFI_ERR_INVALID,
             "signature '%s': want ARGS:RESULT with types from iIpfd "
             "and result from iIpfdv",
             sig);
    return SFI_ERR_INVALID;
  }
  ps->nargs = (uint8_t)(s - sig);
  ps->res = s[1];
  ps->ng = (uint8_t)g;
  ps->nx = (uint8_t)x;
  ps->spill = g > 6 || x > 8;
  return SFI_OK;
}

static inline __attribute__((always_inline)) uint64_t arg_bits(char type,
                                                          const sfi_val *a) {
  uint64_t v = 0;
  switch (type) {
  case 'i':
    v = (uint64_t)(int64_t)a->i32;
    break;
  case 'I':
    v = (uint64_t)a->i64;
    break;
  case 'p':
    v = a->ptr;
    break;
  case 'f':
    memcpy(&v, &a->f32, 4);
    break;
  case 'd':
    memcpy(&v, &a->f64, 8);
    break;
  }
  return v;
}

/* Arguments that do not fit in registers go to a buffer in the region, laid
 * out like a C struct of them, whose address is the last integer argument
 * (pass/StackArgs.cpp): sandboxed code never takes arguments from the
 * native stack. */
static void put_mem_arg(struct sfi_argbuf *mb, char type, uint64_t v) {
  int size = type == 'i' || type == 'f' ? 4 : 8;
  mb->size = (mb->size + size - 1) & ~(uint64_t)(size - 1);
  memcpy(mb->bytes + mb->size, &v, size);
  mb->size += size;
}

/* Fills every argument register of the record from arguments that all fit
 * in registers (!ps->spill); unused ones get 0: they must not carry host
 * values, pointers or secrets, into the sandbox. */
static inline __attribute__((always_inline)) void
load_reg_args(struct sfi_callrec *rec, const struct sfi_sig *ps,
              const sfi_val *args) {
  /* Fixed-size clears compile to a few vector stores (a variable-length
   * one to `rep stos`, which costs more than the whole rest). */
  memset(rec->gpr, 0, sizeof rec->gpr);
  memset(rec->xmm, 0, sizeof rec->xmm);
  int g = 0, x = 0, n = ps->nargs;
  for (int i = 0; i < n; i++) {
    char t = ps->type[i];
    uint64_t v = arg_bits(t, &args[i]);
    if (t == 'f' || t == 'd')
      rec->xmm[x++] = v;
    else
      rec->gpr[g++] = v;
  }
}

/* Fills every argument register of the record and, when the arguments do
 * not all fit in registers, the buffer mb. */
static inline __attribute__((always_inline)) void
load_args(struct sfi_callrec *rec, const struct sfi_sig *ps,
          const sfi_val *args, struct sfi_argbuf *mb) {
  mb->size = 0;
  int g = 0, x = 0, n = ps->nargs;
  if (__builtin_expect(!ps->spill, 1)) {
    mb->gpr_index = -1;
    load_reg_args(rec, ps, args);
    return;
  }
  memset(rec->gpr, 0, sizeof rec->gpr);
  memset(rec->xmm, 0, sizeof rec->xmm);
  mb->gpr_index = 5; /* five integer registers, the sixth the buffer */
  for (int i = 0; i < n; i++) {
    char t = ps->type[i];
    uint64_t v = arg_bits(t, &args[i]);
    if (t == 'f' || t == 'd') {
      if (x < 8)
        rec->xmm[x++] = v;
      else
        put_mem_arg(mb, t, v);
    } else {
      if (g < 5)
        rec->gpr[g++] = v;
      else
        put_mem_arg(mb, t, v);
    }
  }
}

static inline __attribute__((always_inline)) void
store_ret(const struct sfi_callrec *rec, char res, sfi_val *ret) {
  if (!ret || res == 'v')
    return;
  memset(ret, 0, sizeof *ret);
  switch (res) {
  case 'i':
    ret->i32 = (int32_t)rec->ret_rax;
    break;
  case 'I':
  case 'p':
    ret->i64 = (int64_t)rec->ret_rax;
    break;
  case 'f':
    memcpy(&ret->f32, &rec->ret_xmm0, 4);
    break;
  case 'd':
    memcpy(&ret->f64, &rec->ret_xmm0, 8);
    break;
  }
}

/* Makes the thread's sandbox native stack read as zeros again. Dropping
 * all of it (MADV_DONTNEED) cost ~5-8 us per instance switch, mostly in
 * faulting the few pages a call uses back in; those are at the top. So
 * the top SFI_NSTACK_SCRUB bytes are cleared in place and only the rest is
 * dropped (cheap while it holds no pages). Every byte is covered either
 * way, swapped-out pages included. */
#define SFI_NSTACK_SCRUB (16ULL << 10)
static void scrub_stack(const struct sfi_nstack *s) {
  uint64_t top = s->hi - SFI_NSTACK_SCRUB;
  /* madvise fails on locked memory (a host that called mlockall): clear in
   * place then, or the stack would change owner unscrubbed (review). */
  if (madvise((void *)s->lo, top - s->lo, MADV_DONTNEED) != 0)
    memset((void *)s->lo, 0, top - s->lo);
  memset((void *)top, 0, SFI_NSTACK_SCRUB);
}

/* Zeroes [lo, end) of the native stack in use (lo page-aligned): whole
 * pages dropped, the rest and anything madvise refuses cleared in place. */
static void scrub_below(uint64_t lo, uint64_t end) {
  if (end <= lo)
    return;
  uint64_t below = end & ~(uint64_t)4095;
  if (below > lo && madvise((void *)lo, below - lo, MADV_DONTNEED) != 0)
    memset((void *)lo, 0, below - lo);
  if (below < lo)
    below = lo;
  memset((void *)below, 0, end - below);
}

/* A nested call into another instance than the one below it (through an
 * import, or from a host signal handler that interrupted the sandbox) runs
 * on the native stack below the outer instance's frames: it must find none
 * of the outer instance's dead frames there (scrubbed before it starts, in
 * sfi_call_addr), nor leave its own (scrubbed here after it returned;
 * review: nestleak both ways, sigleak). 256: below this frame's red zone. */
static void scrub_nested(struct sfi_thread *t) {
  uint64_t sp;
  __asm__ volatile("mov %%rsp, %0" : "=r"(sp));
  scrub_below(t->stack_lo, sp - 256);
}

/* Makes the stack in use one that holds no other instance's frames, for an
 * outermost call into instance uid: the one it owns if any, else a new one
 * (up to SFI_NSTACKS), else the least recently used, scrubbed. Another
 * instance's dead frames would be readable through the new one's
 * uninitialized frame slots (review: crossleak); a scrubbed stack reads as
 * zeros. */
static __attribute__((noinline)) void stack_for_other(struct sfi_thread *t,
                                                      uint64_t uid) {
  int pick = -1, lru = t->cur;
  for (int i = 0; i < SFI_NSTACKS; i++) {
    struct sfi_nstack *c = &t->stacks[i];
    if (c->map && c->owner == uid) {
      pick = i;
      break;
    }
    if (c->map && c->used < t->stacks[lru].used)
      lru = i;
  }
  if (pick < 0) {
    /* A new stack if there is room (a failure is no error: reuse one). */
    for (int i = 0; i < SFI_NSTACKS && pick < 0; i++)
      if (!t->stacks[i].map && stack_alloc(&t->stacks[i], 0) == SFI_OK)
        pick = i;
    if (pick < 0)
      pick = lru;
    scrub_stack(&t->stacks[pick]);
    t->stacks[pick].owner = uid;
  }
  t->stacks[pick].used = ++t->tick;
  stack_use(t, pick);
}

/* The usual case inline: the stack in use is the instance's own. */
static inline __attribute__((always_inline)) void stack_for(struct sfi_thread *t,
                                                           uint64_t uid) {
  struct sfi_nstack *s = &t->stacks[t->cur];
  if (__builtin_expect(s->owner == uid, 1)) {
    s->used = ++t->tick;
    return;
  }
  stack_for_other(t, uid);
}

static __attribute__((noinline, cold)) int refuse_call(sfi_instance *in) {
  if (in->broken)
    return sfi__err(SFI_ERR_TRAPPED,
                    "%s: instance unusable: a protection could not be "
                    "restored; free it",
                    in->m->name);
  return sfi__err(SFI_ERR_TRAPPED,
                  "%s: instance trapped before; reset it "
                  "with sfi_instance_reset",
                  in->m->name);
}

/* Each call with a limit arms the timer for its own deadline unless an
 * outer call's comes sooner; the outer one is put back on return. */
static inline __attribute__((always_inline)) void
arm_limit(struct sfi_thread *t, const sfi_instance *in,
          struct sfi_callrec *rec) {
  rec->armed_here = 0;
  if (in->time_limit <= 0)
    return;
  struct timespec d = sfi__deadline(in->time_limit);
  if (!t->timer_armed || d.tv_sec < t->deadline.tv_sec ||
      (d.tv_sec == t->deadline.tv_sec && d.tv_nsec < t->deadline.tv_nsec)) {
    rec->armed_here = 1;
    rec->prev_armed = t->timer_armed;
    rec->prev_deadline = t->deadline;
    sfi__timer_arm_until(t, d);
  }
}

/* A call that did not return normally: exit() or a trap, which leaves the
 * instance refusing calls until a reset. */
static __attribute__((noinline, cold)) int
call_failed(sfi_instance *in, struct sfi_callrec *rec, int rc) {
  if (rc == SFI_ERR_EXIT)
    return sfi__err(SFI_ERR_EXIT, "%s: exit(%d)", in->m->name, in->exit_status);
  in->trapped = 1;
  rec->trap = rc;
  sfi__trap_message(rec);
  return rc;
}

/* The pieces call_core and call_fast share, in the order both use them. */

/* What the call runs and for whom; the serial stamps setjmp contexts made
 * during it (sfi__jmp_release_serial). */
static inline __attribute__((always_inline)) void
rec_identify(struct sfi_callrec *rec, const struct sfi_thread *t,
             sfi_instance *in, uint64_t fn) {
  rec->fn = fn;
  rec->in = in;
  rec->uses = (uint16_t)in->m->uses;
  rec->prev = t->top;
  rec->serial = ++in->call_serial;
}

/* The record becomes the thread's innermost and the depth rises: from now
 * on a signal handler's call on this thread is refused unless it runs on
 * the sandbox native stack (a nested call). */
static inline __attribute__((always_inline)) void
chain_push(struct sfi_thread *t, sfi_instance *in, struct sfi_callrec *rec) {
  in->running++;
  t->top = rec;
  __atomic_signal_fence(__ATOMIC_SEQ_CST);
  t->depth++;
  __atomic_signal_fence(__ATOMIC_SEQ_CST);
}

static inline __attribute__((always_inline)) void
chain_pop(struct sfi_thread *t, sfi_instance *in,
          const struct sfi_callrec *rec) {
  __atomic_signal_fence(__ATOMIC_SEQ_CST);
  t->depth--;
  __atomic_signal_fence(__ATOMIC_SEQ_CST);
  t->top = rec->prev;
  in->running--;
}

/* %gs from here on, while depth > 0: a signal handler's sfi_call on this
 * thread is then refused (not on the sandbox native stack), so none can
 * change %gs between the check below and the call, or before the base is
 * put back. The base is written only when it differs (wrgsbase costs
 * ~20 ns); it is always read, so a host that changed it cannot make the
 * sandbox run on a stale base. */
static inline __attribute__((target("fsgsbase"), always_inline)) void
gs_switch(struct sfi_callrec *rec, const sfi_instance *in) {
  rec->prev_gs = get_gs();
  if (rec->prev_gs != in->base)
    set_gs(in->base);
}

/* Before the depth (t->depth, passed as a constant where known) drops.
 * Put back always for a nested call (the calling sandbox needs its own
 * base), and for a thread that set a %gs base of its own. A thread whose base was 0 (the x86-64 Linux ABI and glibc use %fs,
 * never %gs) keeps the region base until its next call, which reads the
 * register again: nothing relies on the value left. gs_left is written by
 * outermost calls only, so it is what it was at this call's start. */
static inline __attribute__((target("fsgsbase"), always_inline)) void
gs_put_back(struct sfi_thread *t, const sfi_instance *in, uint64_t prev_gs,
            int depth) {
  if (depth > 1 || (prev_gs != 0 && prev_gs != t->gs_left)) {
    if (prev_gs != in->base)
      set_gs(prev_gs);
    if (depth == 1)
      t->gs_left = 0;
  } else {
    t->gs_left = in->base;
  }
}

/* sfi__enter with the thread's x87 marks: probes start over (x87 is in
 * its initial state from the entry on); a nested call (an import's, or a
 * host signal handler's) clears x87_dirty when it resets the unit, and
 * after a signal handler's, sigreturn puts the interrupted x87 state back,
 * so the mark must come back too (review call4c x87sig). */
static inline __attribute__((always_inline)) int
enter_sandbox(struct sfi_thread *t, struct sfi_callrec *rec) {
  t->x87_probes = 0;
  unsigned char x87_dirty = t->x87_dirty;
  int rc = sfi__enter(rec);
  t->x87_dirty |= x87_dirty;
  return rc;
}

/* After the chain is popped: setjmp contexts of this call released, the
 * shadow stack pointer put back (unwound, or returned above an argument
 * buffer), the result stored or the failure reported. */
static inline __attribute__((always_inline)) int
call_end(sfi_instance *in, struct sfi_callrec *rec, int rc, uint64_t *sspp,
         uint64_t ssp, char res, sfi_val *ret) {
  if (in->njmp)
    sfi__jmp_release_serial(in, rec->serial);
  memcpy(sspp, &ssp, 8);
  if (__builtin_expect(rc == SFI_OK, 1)) {
    store_ret(rec, res, ret);
    return SFI_OK;
  }
  return call_failed(in, rec, rc);
}

/* Calls sandbox address fn (already checked by the caller) with a parsed
 * signature: every kind of call (call_fast takes the usual one). */
static __attribute__((target("fsgsbase"), noinline)) int
call_core(sfi_instance *in, uint64_t fn, const struct sfi_sig *ps,
          const sfi_val *args, sfi_val *ret) {
  struct sfi_thread *t = &sfi__thread_state;
  struct sfi_callrec rec;
  struct sfi_argbuf mb;
  char res = ps->res;
  int rc;
  in->called = 1;
  if (__builtin_expect(in->broken | in->trapped, 0))
    return refuse_call(in);
  if (__builtin_expect(!t->stack_map, 0) &&
      (rc = sfi__thread_prepare(t)) != SFI_OK)
    return rc;
  /* A trap without our handlers would kill the host: reinstall them if
   * the host removed them (one atomic load when they are there). */
  if ((rc = sfi__signals_ready()) != SFI_OK)
    return rc;
  if (__builtin_expect(ps->nargs && !args, 0))
    return sfi__err(SFI_ERR_INVALID, "call with %d arguments: NULL args",
                    ps->nargs);
  /* The rest of the record is cleared only where read back. */
  rec.stack = NULL; /* unused: no native stack arguments (enter.S) */
  rec.nstack = 0;
  rec.trap = 0;
  rec.why[0] = 0;
  rec.signo = 0;
  rec.nbt = 0;
  load_args(&rec, ps, args, &mb);
  uint64_t here = (uint64_t)__builtin_frame_address(0);
  int nested = t->depth > 0 && here >= t->stack_lo && here < t->stack_hi;
  if (t->depth > 0 && !nested)
    return sfi__err(SFI_ERR_INVALID, "nested sfi_call from outside the "
                                     "sandbox native stack");
  if (nested && here - t->stack_lo < SFI_NSTACK_RESERVE)
    return sfi__err(SFI_TRAP_STACK, "sandbox native stack exhausted by "
                                    "nested calls");
  rec_identify(&rec, t, in, fn);
  rec.new_rsp = 0; /* nested: continue below; else set with the stack */
  uint64_t *sspp = (uint64_t *)(in->image + in->m->ssp_off), ssp;
  memcpy(&ssp, sspp, 8);
  if (mb.gpr_index >= 0) {
    uint64_t buf = (ssp - mb.size) & ~(uint64_t)15;
    /* __sfi_ssp is sandbox data: bound it on both sides (review). */
    if (ssp > in->shadow_hi || buf < in->shadow_lo || buf > ssp)
      return sfi__err(SFI_TRAP_STACK, "%s: no shadow stack left for the "
                                      "arguments", in->m->name);
    memcpy((void *)buf, mb.bytes, mb.size);
    memcpy(sspp, &buf, 8);
    rec.gpr[mb.gpr_index] = buf;
  }
  chain_push(t, in, &rec);
  /* The stack is chosen once the depth is raised: a signal handler's call
   * from now on is refused (not on the sandbox native stack), so none can
   * run another instance on the chosen stack before this call enters it
   * (one that ran before left its owner mark, and the choice scrubs). */
  if (!nested) {
    stack_for(t, in->uid);
    rec.new_rsp = t->stack_hi;
  }
  gs_switch(&rec, in);
  arm_limit(t, in, &rec);
  if (nested && rec.prev && rec.prev->in != in) {
    /* B starts 1 KiB below here (past this frame and the scrub's own), on
     * a stack scrubbed up to that point: nothing it can read below its
     * frames was written by the outer instance. */
    uint64_t sp;
    __asm__ volatile("mov %%rsp, %0" : "=r"(sp));
    rec.new_rsp = (sp - 1024) & ~(uint64_t)15;
    scrub_below(t->stack_lo, rec.new_rsp);
  }
  rc = enter_sandbox(t, &rec);
  if (rec.armed_here) {
    if (rec.prev_armed)
      sfi__timer_arm_until(t, rec.prev_deadline);
    else
      sfi__timer_disarm(t);
  }
  gs_put_back(t, in, rec.prev_gs, t->depth);
  chain_pop(t, in, &rec);
  /* A nested call into another instance ran on the stack below the outer
   * instance's frames: drop what it left there before the outer one
   * resumes (review4 nestleak); the next outermost call scrubs anyway. */
  if (nested && rec.prev && rec.prev->in != in) {
    scrub_nested(t);
    t->stacks[t->cur].owner = 0; /* scrubbed again before the next use */
  }
  return call_end(in, &rec, rc, sspp, ssp, res, ret);
}

/* The usual call, with less to decide: outermost on this thread (no
 * nesting checks, scrubs or %gs to put back for a caller), no time limit
 * (no timer), arguments all in registers (no buffer), a thread that has
 * called in before. Anything else goes the general way (call_core), which
 * makes the same checks and changes in the same order where both act. */
static inline __attribute__((target("fsgsbase"), always_inline)) int
call_fast(sfi_instance *in, uint64_t fn, const struct sfi_sig *ps,
          const sfi_val *args, sfi_val *ret) {
  struct sfi_thread *t = &sfi__thread_state;
  if (__builtin_expect((t->depth | in->broken | in->trapped | ps->spill) ||
                           !t->stack_map || in->time_limit > 0 ||
                           (ps->nargs && !args) ||
                           !__atomic_load_n(&sfi__signals_installed,
                                            __ATOMIC_ACQUIRE),
                       0))
    return call_core(in, fn, ps, args, ret);
  struct sfi_callrec rec;
  /* Read now: an import may free the binding that holds ps (review call5
   * fnfree). */
  char res = ps->res;
  rec.trap = 0;
  rec.why[0] = 0;
  rec.signo = 0;
  rec.nbt = 0;
  rec.armed_here = 0;
  load_reg_args(&rec, ps, args);
  in->called = 1;
  rec_identify(&rec, t, in, fn);
  uint64_t *sspp = (uint64_t *)(in->image + in->m->ssp_off), ssp;
  memcpy(&ssp, sspp, 8);
  chain_push(t, in, &rec);
  /* Chosen once the depth is raised, as in call_core. */
  stack_for(t, in->uid);
  rec.new_rsp = t->stack_hi;
  gs_switch(&rec, in);
  int rc = enter_sandbox(t, &rec);
  gs_put_back(t, in, rec.prev_gs, 1);
  chain_pop(t, in, &rec);
  return call_end(in, &rec, rc, sspp, ssp, res, ret);
}

/* Calls sandbox address fn (already checked by the caller). */
__attribute__((target("fsgsbase"))) int
sfi__call_raw(sfi_instance *in, uint64_t fn, const char *sig,
              const sfi_val *args, sfi_val *ret) {
  struct sfi_sig ps;
  int rc = parse_sig(sig, &ps);
  if (rc != SFI_OK)
    return rc;
  return call_fast(in, fn, &ps, args, ret);
}

int sfi_is_funcptr(sfi_instance *in, uint64_t fn) {
  if (!in)
    return 0;
  /* Entry 0 of the table is the crt's trap entry: never a target. */
  return fn >= in->jt_lo + SFI_JT_ENTRY_SIZE && fn < in->jt_hi &&
         ((fn - in->jt_lo) & (SFI_JT_ENTRY_SIZE - 1)) == 0;
}

static int is_export_fn(const sfi_instance *in, uint64_t fn) {
  const sfi_module *m = in->m;
  if (fn < in->image)
    return 0;
  uint64_t off = fn - in->image;
  size_t lo = 0, hi = m->nefuncs;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (m->efuncs[mid] == off)
      return 1;
    if (m->efuncs[mid] < off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return 0;
}

uint64_t sfi_lookup(sfi_instance *in, const char *name) {
  if (!in || !name) {
    sfi__err(SFI_ERR_INVALID, "sfi_lookup: NULL argument");
    return 0;
  }
  const struct sfi_sym *s = sfi__public_export(in->m, name);
  if (!s || !is_export_fn(in, in->image + s->value)) {
    sfi__err(SFI_ERR_NOTFOUND, "%s: no exported function '%s'", in->m->name,
             name);
    return 0;
  }
  return in->image + s->value;
}

int sfi_call(sfi_instance *in, const char *name, const char *sig,
             const sfi_val *args, sfi_val *ret) {
  if (!in || !name || !sig)
    return sfi__err(SFI_ERR_INVALID, "sfi_call: NULL argument");
  /* The last name found (one strcmp instead of a search; the module's
   * names never change). */
  uint64_t fn;
  if (in->named_sym && strcmp(name, in->named_sym->name) == 0) {
    fn = in->named_fn;
  } else {
    const struct sfi_sym *s = sfi__public_export(in->m, name);
    if (!s || !is_export_fn(in, in->image + s->value))
      return sfi__err(SFI_ERR_NOTFOUND, "%s: no exported function '%s'",
                      in->m->name, name);
    fn = in->image + s->value;
    in->named_sym = s;
    in->named_fn = fn;
  }
  return sfi__call_raw(in, fn, sig, args, ret);
}

__attribute__((target("fsgsbase"))) int
sfi_call_addr(sfi_instance *in, uint64_t fn, const char *sig,
              const sfi_val *args, sfi_val *ret) {
  if (!in || !sig)
    return sfi__err(SFI_ERR_INVALID, "sfi_call_addr: NULL argument");
  /* The exports and the table never change: the last address found good
   * is remembered (a host calls the same function in a loop). */
  if ((!fn || fn != in->checked_fn) && !sfi_is_funcptr(in, fn) &&
      !is_export_fn(in, fn))
    return sfi__err(SFI_ERR_INVALID,
                    "%s: 0x%llx is neither an exported "
                    "function nor a jump-table entry",
                    in->m->name, (unsigned long long)fn);
  in->checked_fn = fn;
  struct sfi_sig ps;
  int rc = parse_sig(sig, &ps);
  if (rc != SFI_OK)
    return rc;
  return call_fast(in, fn, &ps, args, ret);
}

/* A bound function: the instance, the checked address and the parsed
 * signature, so that a call repeats none of that work. */
struct sfi_fn {
  sfi_instance *in; /* NULL once the instance is freed */
  uint64_t fn;
  struct sfi_sig sig;
  struct sfi_fn *prev, *next; /* the instance's list (in->fns) */
};

sfi_fn *sfi_fn_new(sfi_instance *in, uint64_t fn, const char *sig) {
  if (!in || !sig) {
    sfi__err(SFI_ERR_INVALID, "sfi_fn_new: NULL argument");
    return NULL;
  }
  if (!sfi_is_funcptr(in, fn) && !is_export_fn(in, fn)) {
    sfi__err(SFI_ERR_INVALID,
             "%s: 0x%llx is neither an exported function nor a jump-table "
             "entry",
             in->m->name, (unsigned long long)fn);
    return NULL;
  }
  struct sfi_fn *f = calloc(1, sizeof *f);
  if (!f) {
    sfi__err(SFI_ERR_NOMEM, "sfi_fn_new: out of memory");
    return NULL;
  }
  if (parse_sig(sig, &f->sig) != SFI_OK) {
    free(f);
    return NULL;
  }
  f->in = in;
  f->fn = fn;
  f->next = in->fns;
  if (in->fns)
    in->fns->prev = f;
  in->fns = f;
  return f;
}

/* sfi_instance_free: every binding of the instance stops working (a later
 * instance may get the same struct and region: review, a stale binding ran
 * another module's unverified bytes). */
void sfi__fns_release(sfi_instance *in) {
  for (struct sfi_fn *f = in->fns, *n; f; f = n) {
    n = f->next;
    f->in = NULL;
    f->prev = f->next = NULL;
  }
  in->fns = NULL;
}

void sfi_fn_free(sfi_fn *f) {
  if (!f)
    return;
  if (f->in) {
    if (f->prev)
      f->prev->next = f->next;
    else
      f->in->fns = f->next;
    if (f->next)
      f->next->prev = f->prev;
  }
  free(f);
}

__attribute__((target("fsgsbase"))) int
sfi_fn_call(const sfi_fn *f, const sfi_val *args, sfi_val *ret) {
  if (__builtin_expect(!f, 0))
    return sfi__err(SFI_ERR_INVALID, "sfi_fn_call: NULL function");
  if (__builtin_expect(!f->in, 0))
    return sfi__err(SFI_ERR_INVALID, "sfi_fn_call: the function's instance "
                                     "has been freed");
  return call_fast(f->in, f->fn, &f->sig, args, ret);
}

int sfi_run_main(sfi_instance *in) {
  if (!in)
    return sfi__err(SFI_ERR_INVALID, "sfi_run_main: NULL instance");
  if (!in->m->start_off)
    return sfi__err(SFI_ERR_NOTFOUND,
                    "%s: no %s export (link a program "
                    "with sfi-cc, not -shared)",
                    in->m->name, SFI_SYM_START);
  sfi_val r;
  int rc = sfi__call_raw(in, in->image + in->m->start_off, ":i", NULL, &r);
  if (rc == SFI_OK)
    return r.i32 & 0xff;
  if (rc == SFI_ERR_EXIT)
    return in->exit_status & 0xff;
  return rc;
}
