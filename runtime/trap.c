/* trap.c: turning faults of sandboxed code into errors. The handlers decide
 * whether a signal is the sandbox's (this thread is inside a call and rip is
 * in the running instance's region or in a runtime thunk); if so they record
 * the fault and a frame-pointer backtrace and resume the interrupted thread
 * in sfi__recover, which returns the trap code from the innermost call.
 * Other signals go to the handlers sfi__signals_installed before. Also: the per-thread
 * timer of the time limit. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "internal.h"

#define THUNK_RANGES_MAX 4096
#define TIMER_SIGNAL (SIGRTMIN + 4)
#define TIMER_RETRY_NS                                                         \
  5000000 /* 5 ms: retry while the thread is in host code */

static const int trap_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP};
#define NSIG_TRAP 5
static struct sigaction old_actions[NSIG_TRAP + 1];
/* 1 while the handlers are installed (internal.h reads it inline). */
int sfi__signals_installed;
static pthread_mutex_t install_lock = PTHREAD_MUTEX_INITIALIZER;

static struct { uint64_t lo, hi; } thunk_ranges[THUNK_RANGES_MAX];

int sfi__thunk_range_add(uint64_t lo, uint64_t hi) {
  for (int i = 0; i < THUNK_RANGES_MAX; i++) {
    uint64_t z = 0;
    if (__atomic_compare_exchange_n(&thunk_ranges[i].lo, &z, lo, 0,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
      __atomic_store_n(&thunk_ranges[i].hi, hi, __ATOMIC_SEQ_CST);
      return 0;
    }
  }
  /* Full: a fault in an unregistered thunk would be a host fault (review),
   * so the caller fails instead. */
  return -1;
}

void sfi__thunk_range_del(uint64_t lo) {
  for (int i = 0; i < THUNK_RANGES_MAX; i++)
    if (__atomic_load_n(&thunk_ranges[i].lo, __ATOMIC_SEQ_CST) == lo) {
      __atomic_store_n(&thunk_ranges[i].hi, 0, __ATOMIC_SEQ_CST);
      __atomic_store_n(&thunk_ranges[i].lo, 0, __ATOMIC_SEQ_CST);
      return;
    }
}

int sfi__in_thunk(uint64_t rip) {
  for (int i = 0; i < THUNK_RANGES_MAX; i++) {
    uint64_t lo = __atomic_load_n(&thunk_ranges[i].lo, __ATOMIC_RELAXED);
    if (lo && rip >= lo &&
        rip < __atomic_load_n(&thunk_ranges[i].hi, __ATOMIC_RELAXED))
      return 1;
  }
  return 0;
}

static int in_region(const sfi_instance *in, uint64_t a) {
  return (a >> SFI_REGION_SHIFT) == (in->base >> SFI_REGION_SHIFT);
}

static int classify(int sig, const siginfo_t *si, const struct sfi_thread *t,
                    const sfi_instance *in, int thunk) {
  uint64_t a = (uint64_t)si->si_addr;
  switch (sig) {
  case SIGSEGV:
  case SIGBUS:
    if (a >= (uint64_t)t->stack_map && a < t->stack_lo)
      return SFI_TRAP_STACK;
    /* No gap below the shadow stack to recognize (instance.c): its
     * overflow is the pass's check, SIGILL with trap code 0x52. */
    (void)in;
    return SFI_TRAP_OOB;
  case SIGFPE:
    return (si->si_code == FPE_INTDIV || si->si_code == FPE_INTOVF)
               ? SFI_TRAP_DIV
               : SFI_TRAP_FPE;
  case SIGILL:
    return thunk ? SFI_TRAP_STACK : SFI_TRAP_ILLEGAL;
  case SIGTRAP:
    return SFI_TRAP_BREAK;
  default:
    return SFI_TRAP_BREAK;
  }
}

/* True if a is in the module's code and follows a call instruction: a
 * return address (call rel32, call *%reg, call *disp(%rip)). */
int sfi__after_call(const sfi_instance *in, uint64_t a) {
  for (int i = 0; i < in->m->nsegs; i++) {
    const struct sfi_seg *s = &in->m->segs[i];
    uint64_t lo = in->image + s->vaddr, hi = lo + s->memsz;
    if (!(s->prot & 4) || a < lo + 6 || a >= hi)
      continue;
    const uint8_t *p = (const uint8_t *)a;
    return p[-5] == 0xe8 || (p[-2] == 0xff && (p[-1] & 0xf8) == 0xd0) ||
           (p[-6] == 0xff && p[-5] == 0x15);
  }
  return 0;
}

/* Version-2 code keeps no frame pointer, so the backtrace scans this
 * call's part of the sandbox native stack for return addresses. A word
 * that merely looks like one can add a frame; none is lost. */
static void backtrace(struct sfi_callrec *rec, const ucontext_t *uc,
                      const sfi_instance *in) {
  uint64_t rsp = (uint64_t)uc->uc_mcontext.gregs[REG_RSP];
  uint64_t hi = rec->entry_rsp;
  const struct sfi_thread *t = sfi__thread();
  /* A stack overflow leaves %rsp in the guard below the usable stack: never
   * read there (review: the handler faulted and took the host down). */
  if (rsp < t->stack_lo)
    rsp = t->stack_lo;
  if (hi > t->stack_hi)
    hi = t->stack_hi;
  rec->nbt = 0;
  rec->bt[rec->nbt++] = rec->fault_rip;
  for (uint64_t at = (rsp + 7) & ~7ULL; at + 8 <= hi && rec->nbt < SFI_BT_MAX;
       at += 8) {
    uint64_t v = *(const uint64_t *)at;
    if (in_region(in, v) && sfi__after_call(in, v))
      rec->bt[rec->nbt++] = v;
  }
}

/* The pass's failed checks are `ud1 CODE(%eax), %eax`: 67 0f b9 40 CODE.
 * rip faulted on an instruction fetch that succeeded, so the bytes are
 * mapped. */
static int pass_check(uint64_t rip, int code, struct sfi_callrec *rec) {
  const uint8_t *p = (const uint8_t *)rip;
  if (p[0] != 0x67 || p[1] != 0x0f || p[2] != 0xb9 || p[3] != 0x40)
    return code;
  switch (p[4]) {
  case SFI_TRAPCODE_BOUNDS:
    strcpy(rec->why, "memory range check failed");
    return SFI_TRAP_OOB;
  case SFI_TRAPCODE_STACK:
    strcpy(rec->why, "shadow stack exhausted");
    return SFI_TRAP_STACK;
  case SFI_TRAPCODE_CALL:
    strcpy(rec->why, "indirect call outside the jump table");
    return SFI_TRAP_ILLEGAL;
  default:
    return code;
  }
}

static void chain(int idx, int sig, siginfo_t *si, void *ctx) {
  struct sigaction *old = &old_actions[idx];
  if (old->sa_flags & SA_SIGINFO) {
    if (old->sa_sigaction) {
      old->sa_sigaction(sig, si, ctx);
      return;
    }
  } else if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN) {
    old->sa_handler(sig);
    return;
  }
  if (old->sa_handler == SIG_IGN && si->si_code <= 0)
    return;
  /* Default action: reinstall it; a fault re-executes and kills us, a
   * sent signal is raised again. */
  signal(sig, SIG_DFL);
  if (si->si_code <= 0 || sig == SIGTRAP)
    raise(sig);
}

static void redirect(ucontext_t *uc, struct sfi_callrec *rec, int code) {
  uc->uc_mcontext.gregs[REG_RIP] = (greg_t)(uint64_t)sfi__recover;
  uc->uc_mcontext.gregs[REG_RDI] = (greg_t)(uint64_t)rec;
  uc->uc_mcontext.gregs[REG_RSI] = (greg_t)code;
  uc->uc_mcontext.gregs[REG_RSP] = (greg_t)rec->saved[6];
}

/* The sandbox may set TF (popf) right before its final return: the
 * single-step trap then lands on the first host instruction after the call
 * in sfi__enter, which clears TF a few instructions later. Clear it here
 * and go on. (Before a jmp to an import the trap lands in the thunk, which
 * is a sandbox trap.) */
static int single_step_from_sandbox(int sig, siginfo_t *si, ucontext_t *uc) {
  greg_t *fl = &uc->uc_mcontext.gregs[REG_EFL];
  if (sig != SIGTRAP || si->si_code != TRAP_TRACE || !(*fl & 0x100) ||
      (uint64_t)uc->uc_mcontext.gregs[REG_RIP] != (uint64_t)sfi__enter_ret)
    return 0;
  *fl &= ~(greg_t)0x100;
  return 1;
}

void sfi__on_trap(int sig, siginfo_t *si, void *ctx) {
  ucontext_t *uc = ctx;
  struct sfi_thread *t = sfi__thread();
  int idx = 0;
  while (idx < NSIG_TRAP && trap_signals[idx] != sig)
    idx++;
  uint64_t rip = (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
  struct sfi_callrec *rec = t->top;
  if (t->depth <= 0 || !rec || si->si_code <= 0) {
    chain(idx, sig, si, ctx);
    return;
  }
  sfi_instance *in = rec->in;
  /* Import thunks are in the region (next to the image); callback thunks
   * are host pages. They trap at the headroom check's ud2, or (SIGFPE) at
   * the fldcw/emms that meets an x87 exception the sandbox left pending. */
  uint64_t stubs = in->stubs;
  int thunk = in_region(in, rip)
                  ? rip >= stubs && rip < stubs + in->m->stub_size
                  : sfi__in_thunk(rip);
  if (!in_region(in, rip) && !thunk) {
    if (single_step_from_sandbox(sig, si, uc))
      return;
    chain(idx, sig, si, ctx);
    return;
  }
  int code = classify(sig, si, t, in, thunk);
  rec->why[0] = 0;
  if (sig == SIGILL && !thunk)
    code = pass_check(rip, code, rec);
  if (thunk && sig == SIGFPE)
    strcpy(rec->why, "an x87 exception the sandbox left pending, raised "
                     "when the import's FP state was loaded");
  else if (thunk)
    strcpy(rec->why, "no native stack left for an import call (or a "
                     "misaligned stack pointer, or AC/TF set)");
  rec->signo = sig;
  rec->sicode = si->si_code;
  rec->fault_addr = (uint64_t)si->si_addr;
  rec->fault_rip = rip;
  backtrace(rec, uc, in);
  redirect(uc, rec, code);
}

void sfi__on_timer(int sig, siginfo_t *si, void *ctx) {
  (void)sig;
  (void)si;
  ucontext_t *uc = ctx;
  struct sfi_thread *t = sfi__thread();
  struct sfi_callrec *rec = t->top;
  if (t->depth <= 0 || !rec || !t->timer_armed)
    return;
  uint64_t rip = (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
  if (!in_region(rec->in, rip)) {
    /* In host code (an import): try again soon rather than unwind host
     * frames that may hold locks. */
    struct itimerspec its = {.it_value = {0, TIMER_RETRY_NS}};
    timer_settime(t->timer, 0, &its, NULL);
    return;
  }
  rec->signo = 0;
  rec->why[0] = 0;
  rec->fault_rip = rip;
  rec->fault_addr = rip;
  backtrace(rec, uc, rec->in);
  if (t->depth > 1) {
    /* Only the innermost call ends here; the outer ones must end too. */
    struct itimerspec its = {.it_value = {0, TIMER_RETRY_NS}};
    timer_settime(t->timer, 0, &its, NULL);
  }
  redirect(uc, rec, SFI_TRAP_TIMEOUT);
}

int sfi_signals_install(void) {
  pthread_mutex_lock(&install_lock);
  int rc = SFI_OK;
  if (!sfi__signals_installed) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sa.sa_sigaction = sfi__trap_entry; /* clears AC, then sfi__on_trap */
    for (int i = 0; i < NSIG_TRAP && rc == SFI_OK; i++)
      if (sigaction(trap_signals[i], &sa, &old_actions[i]) != 0)
        rc = sfi__err(SFI_ERR_INVALID, "sigaction(%d) failed", trap_signals[i]);
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
    sa.sa_sigaction = sfi__timer_entry;
    if (rc == SFI_OK && sigaction(TIMER_SIGNAL, &sa, &old_actions[NSIG_TRAP]))
      rc = sfi__err(SFI_ERR_INVALID, "sigaction(timer) failed");
    sfi__signals_installed = rc == SFI_OK;
  }
  pthread_mutex_unlock(&install_lock);
  return rc;
}

void sfi_signals_uninstall(void) {
  pthread_mutex_lock(&install_lock);
  if (sfi__signals_installed) {
    for (int i = 0; i < NSIG_TRAP; i++)
      sigaction(trap_signals[i], &old_actions[i], NULL);
    sigaction(TIMER_SIGNAL, &old_actions[NSIG_TRAP], NULL);
    sfi__signals_installed = 0;
  }
  pthread_mutex_unlock(&install_lock);
}

int sfi__signals_ensure(void) {
  if (__atomic_load_n(&sfi__signals_installed, __ATOMIC_ACQUIRE))
    return SFI_OK;
  return sfi_signals_install();
}

_Noreturn void sfi__trap_now(int code, const char *why) {
  struct sfi_thread *t = sfi__thread();
  struct sfi_callrec *rec = t->top;
  snprintf(rec->why, sizeof rec->why, "%s", why);
  rec->signo = 0;
  rec->nbt = 0;
  sfi__recover(rec, code);
}

/* The deadline now + secs. */
struct timespec sfi__deadline(double secs) {
  struct timespec d;
  clock_gettime(CLOCK_MONOTONIC, &d);
  time_t whole = (time_t)secs;
  d.tv_sec += whole;
  d.tv_nsec += (long)((secs - (double)whole) * 1e9);
  if (d.tv_nsec >= 1000000000L) {
    d.tv_sec++;
    d.tv_nsec -= 1000000000L;
  }
  return d;
}

/* Arms this thread's timer to fire at the absolute deadline d (at once if
 * it has passed). */
void sfi__timer_arm_until(struct sfi_thread *t, struct timespec d) {
  if (!t->timer_ok) {
    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_THREAD_ID;
    sev.sigev_signo = TIMER_SIGNAL;
    sev._sigev_un._tid = (pid_t)syscall(SYS_gettid);
    if (timer_create(CLOCK_MONOTONIC, &sev, &t->timer) != 0)
      return;
    t->timer_ok = 1;
  }
  struct itimerspec its = {.it_value = d};
  if (!d.tv_sec && !d.tv_nsec)
    its.it_value.tv_nsec = 1;
  t->deadline = d;
  t->timer_armed = 1;
  timer_settime(t->timer, TIMER_ABSTIME, &its, NULL);
}

void sfi__timer_disarm(struct sfi_thread *t) {
  struct itimerspec its = {0};
  if (!t->timer_ok)
    return;
  timer_settime(t->timer, 0, &its, NULL);
  t->timer_armed = 0;
}

static const char *signame(int s) {
  switch (s) {
  case SIGSEGV:
    return "SIGSEGV";
  case SIGBUS:
    return "SIGBUS";
  case SIGFPE:
    return "SIGFPE";
  case SIGILL:
    return "SIGILL";
  case SIGTRAP:
    return "SIGTRAP";
  default:
    return "signal";
  }
}

/* Formats the trap into sfi_errmsg(): one line with kind, address and
 * function, then the backtrace. Runs after recovery, in normal context. */
void sfi__trap_message(struct sfi_callrec *rec) {
  sfi_instance *in = rec->in;
  char fn[256], addr[96];
  if (rec->signo == 0 && rec->why[0]) {
    sfi__err(rec->trap, "trap: %s: %s", sfi_strerror(rec->trap), rec->why);
    return;
  }
  sfi__symbolize(in, rec->fault_rip, fn, sizeof fn);
  uint64_t stubs = in->stubs;
  if (rec->fault_rip >= stubs && rec->fault_rip < stubs + in->m->stub_size)
    snprintf(fn, sizeof fn, "import thunk %llu",
             (unsigned long long)((rec->fault_rip - stubs) / SFI_STUB_SIZE));
  else if (!in_region(in, rec->fault_rip))
    snprintf(fn, sizeof fn, "callback thunk 0x%llx",
             (unsigned long long)rec->fault_rip);
  uint64_t a = rec->trap == SFI_TRAP_OOB || rec->trap == SFI_TRAP_STACK
                   ? rec->fault_addr
                   : rec->fault_rip;
  if (in_region(in, a))
    snprintf(addr, sizeof addr, "0x%llx (sandbox offset 0x%llx)",
             (unsigned long long)a, (unsigned long long)(a & SFI_OFFSET_MASK));
  else
    snprintf(addr, sizeof addr, "0x%llx", (unsigned long long)a);
  if (rec->signo)
    sfi__err(rec->trap, "trap: %s (%s) at %s in %s", sfi_strerror(rec->trap),
             signame(rec->signo), addr, fn);
  else
    sfi__err(rec->trap, "trap: %s at %s in %s", sfi_strerror(rec->trap), addr,
             fn);
  char line[160];
  if (sfi__srcline(in, rec->fault_rip, 0, line, sizeof line))
    sfi__errappend(" at %s", line);
  if (rec->why[0])
    sfi__errappend(" (%s)", rec->why);
  for (int i = 0; i < rec->nbt; i++) {
    sfi__symbolize(in, rec->bt[i], fn, sizeof fn);
    /* bt[0] is the faulting instruction, the others return addresses. */
    if (!sfi__srcline(in, rec->bt[i], i > 0, line + 1, sizeof line - 1))
      line[1] = 0;
    line[0] = line[1] ? ' ' : 0;
    sfi__errappend("\n  #%d 0x%llx %s%s", i,
                   (unsigned long long)(rec->bt[i] & SFI_OFFSET_MASK), fn,
                   line);
  }
}
