/* call.c: calls into a sandbox. Per-thread state (the sandbox native stack,
 * the chain of active calls), the %gs base switch, argument marshalling
 * from signature strings, and the checks on function addresses. */
#include <asm/prctl.h>
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
 * (vzeroall), 2 AVX-512 (also zmm16-31 and k1-k7). */
__attribute__((visibility("hidden"))) int sfi__cpu_clear;

__attribute__((constructor)) static void detect_cpu_clear(void) {
  __builtin_cpu_init();
  sfi__cpu_clear = __builtin_cpu_supports("avx512f") ? 2
                   : __builtin_cpu_supports("avx")   ? 1
                                                     : 0;
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
  if (t->stack_map)
    munmap(t->stack_map, t->stack_map_size);
  memset(t, 0, sizeof *t);
}

static void make_key(void) {
  pthread_key_create(&thread_key, thread_exit);
  fsgsbase = (getauxval(AT_HWCAP2) & 2) != 0;
}

/* The sandbox native stack: SFI_NSTACK_SIZE bytes aligned to their size,
 * the lowest SFI_NSTACK_GUARD of them PROT_NONE. */
int sfi__thread_prepare(struct sfi_thread *t) {
  pthread_once(&thread_once, make_key);
  if (t->stack_map)
    return SFI_OK;
  /* Reserve SFI_NSTACK_BELOW of PROT_NONE under the aligned block too: a
   * frame too big for the 1 MiB guard still faults instead of landing in
   * whatever the host mapped below. */
  uint64_t len = SFI_NSTACK_BELOW + 2 * SFI_NSTACK_SIZE;
  void *p = mmap(NULL, len, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED)
    return sfi__err(SFI_ERR_NOMEM, "cannot reserve a sandbox stack: %s",
                    strerror(errno));
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
    munmap((void *)keep, end - keep);
    return sfi__err(SFI_ERR_NOMEM, "cannot map a sandbox stack: %s",
                    strerror(errno));
  }
  stack_t old;
  if (sigaltstack(NULL, &old) == 0 && (old.ss_flags & SS_DISABLE)) {
    void *a = mmap(NULL, SFI_ALTSTACK_SIZE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    stack_t ss = {.ss_sp = a, .ss_size = SFI_ALTSTACK_SIZE};
    if (a == MAP_FAILED || sigaltstack(&ss, NULL) != 0) {
      if (a != MAP_FAILED)
        munmap(a, SFI_ALTSTACK_SIZE);
      munmap((void *)keep, end - keep);
      return sfi__err(SFI_ERR_NOMEM, "cannot set a signal stack: %s",
                      strerror(errno));
    }
    t->altstack = a;
  }
  t->stack_map = (void *)keep;
  t->stack_map_size = end - keep;
  t->stack_lo = al + SFI_NSTACK_GUARD;
  t->stack_hi = al + SFI_NSTACK_SIZE;
  pthread_setspecific(thread_key, t);
  return SFI_OK;
}

__attribute__((target("fsgsbase"))) void sfi__set_gs(uint64_t v) {
  if (fsgsbase)
    _writegsbase_u64(v);
  else
    syscall(SYS_arch_prctl, ARCH_SET_GS, v);
}

__attribute__((target("fsgsbase"))) uint64_t sfi__get_gs(void) {
  if (fsgsbase)
    return _readgsbase_u64();
  unsigned long v = 0;
  syscall(SYS_arch_prctl, ARCH_GET_GS, &v);
  return v;
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

static int check_sig(const char *sig, char *res) {
  const char *s = sig;
  while (*s && *s != ':') {
    if (!(sig_class(*s) & 1))
      return sfi__err(SFI_ERR_INVALID, "signature '%s': bad argument type '%c'",
                      sig, *s);
    if (s - sig >= SFI_MAX_ARGS)
      return sfi__err(SFI_ERR_INVALID, "signature '%s': more than %d arguments",
                      sig, SFI_MAX_ARGS);
    s++;
  }
  if (*s != ':' || !(sig_class(s[1]) & 2) || s[2] != 0)
    return sfi__err(SFI_ERR_INVALID,
                    "signature '%s': want ARGS:RESULT with types from iIpfd "
                    "and result from iIpfdv",
                    sig);
  *res = s[1];
  return SFI_OK;
}

/* Arguments that do not fit in registers go to a buffer in the region, laid
 * out like a C struct of them, whose address is the last integer argument
 * (pass/StackArgs.cpp): sandboxed code never takes arguments from the
 * native stack. Returns the number of GPRs the register arguments may use. */
static int gprs_for_registers(const char *sig) {
  int ng, nx;
  sfi__sig_count(sig, &ng, &nx);
  return ng > 6 || nx > 8 ? 5 : 6;
}

static void put_mem_arg(struct sfi_argbuf *mb, char type, uint64_t v) {
  int size = type == 'i' || type == 'f' ? 4 : 8;
  mb->size = (mb->size + size - 1) & ~(uint64_t)(size - 1);
  memcpy(mb->bytes + mb->size, &v, size);
  mb->size += size;
}

static int load_args(struct sfi_callrec *rec, const char *sig,
                     const sfi_val *args, struct sfi_argbuf *mb, char *res) {
  int ng = 0, nx = 0, rc = check_sig(sig, res);
  if (rc != SFI_OK)
    return rc;
  if (sig[0] != ':' && !args)
    return sfi__err(SFI_ERR_INVALID, "signature '%s': NULL args", sig);
  int max_gpr = gprs_for_registers(sig);
  mb->size = 0;
  mb->gpr_index = max_gpr < 6 ? 5 : -1;
  for (int i = 0; sig[i] != ':'; i++) {
    uint64_t v = 0;
    switch (sig[i]) {
    case 'i':
      v = (uint64_t)(int64_t)args[i].i32;
      break;
    case 'I':
      v = (uint64_t)args[i].i64;
      break;
    case 'p':
      v = args[i].ptr;
      break;
    case 'f':
      memcpy(&v, &args[i].f32, 4);
      break;
    case 'd':
      memcpy(&v, &args[i].f64, 8);
      break;
    }
    if (sig[i] == 'f' || sig[i] == 'd') {
      if (nx < 8)
        rec->xmm[nx++] = v;
      else
        put_mem_arg(mb, sig[i], v);
    } else {
      if (ng < max_gpr)
        rec->gpr[ng++] = v;
      else
        put_mem_arg(mb, sig[i], v);
    }
  }
  rec->stack = NULL;
  rec->nstack = 0;
  return SFI_OK;
}

static void store_ret(const struct sfi_callrec *rec, char res, sfi_val *ret) {
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

/* Calls sandbox address fn (already checked by the caller). */
int sfi__call_raw(sfi_instance *in, uint64_t fn, const char *sig,
                  const sfi_val *args, sfi_val *ret) {
  struct sfi_thread *t = &sfi__thread_state;
  struct sfi_callrec rec;
  struct sfi_argbuf mb;
  char res = 0;
  int rc;
  in->called = 1;
  if (in->broken)
    return sfi__err(SFI_ERR_TRAPPED,
                    "%s: instance unusable: a protection could not be "
                    "restored; free it",
                    in->m->name);
  if (in->trapped)
    return sfi__err(SFI_ERR_TRAPPED,
                    "%s: instance trapped before; reset it "
                    "with sfi_instance_reset",
                    in->m->name);
  if (!t->stack_map && (rc = sfi__thread_prepare(t)) != SFI_OK)
    return rc;
  /* A trap without our handlers would kill the host: reinstall them if
   * the host removed them (one atomic load when they are there). */
  if ((rc = sfi__signals_ensure()) != SFI_OK)
    return rc;
  /* Unused argument registers must not carry host values (pointers,
   * secrets) into the sandbox; the rest is cleared only where read back. */
  memset(rec.gpr, 0, sizeof rec.gpr + sizeof rec.xmm);
  rec.trap = 0;
  rec.why[0] = 0;
  rec.signo = 0;
  rec.nbt = 0;
  if ((rc = load_args(&rec, sig, args, &mb, &res)) != SFI_OK)
    return rc;
  uint64_t here = (uint64_t)__builtin_frame_address(0);
  int nested = t->depth > 0 && here >= t->stack_lo && here < t->stack_hi;
  if (t->depth > 0 && !nested)
    return sfi__err(SFI_ERR_INVALID, "nested sfi_call from outside the "
                                     "sandbox native stack");
  if (nested && here - t->stack_lo < SFI_NSTACK_RESERVE)
    return sfi__err(SFI_TRAP_STACK, "sandbox native stack exhausted by "
                                    "nested calls");
  /* Another instance's dead frames stay on this thread's native stack and
   * would be readable through the new one's uninitialized frame slots
   * (review: crossleak): drop the stack's pages when the instance changes
   * (they read back as zeros). */
  if (!nested && t->last_uid != in->uid) {
    madvise((void *)t->stack_lo, t->stack_hi - t->stack_lo, MADV_DONTNEED);
    t->last_uid = in->uid;
  }
  rec.fn = fn;
  rec.new_rsp = nested ? 0 : t->stack_hi;
  rec.in = in;
  rec.prev = t->top;
  rec.serial = ++in->call_serial;
  rec.prev_gs = sfi__get_gs();
  uint64_t ssp;
  memcpy(&ssp, (void *)(in->image + in->m->ssp_off), 8);
  if (mb.gpr_index >= 0) {
    uint64_t buf = (ssp - mb.size) & ~(uint64_t)15;
    /* __sfi_ssp is sandbox data: bound it on both sides (review). */
    if (ssp > in->shadow_hi || buf < in->shadow_lo || buf > ssp)
      return sfi__err(SFI_TRAP_STACK, "%s: no shadow stack left for the "
                                      "arguments", in->m->name);
    memcpy((void *)buf, mb.bytes, mb.size);
    memcpy((void *)(in->image + in->m->ssp_off), &buf, 8);
    rec.gpr[mb.gpr_index] = buf;
  }
  sfi__set_gs(in->base);
  in->running++;
  t->top = &rec;
  __atomic_signal_fence(__ATOMIC_SEQ_CST);
  t->depth++;
  /* Each call with a limit arms the timer for its own deadline unless an
   * outer call's comes sooner; the outer one is put back on return. */
  rec.armed_here = 0;
  if (in->time_limit > 0) {
    struct timespec d = sfi__deadline(in->time_limit);
    if (!t->timer_armed || d.tv_sec < t->deadline.tv_sec ||
        (d.tv_sec == t->deadline.tv_sec && d.tv_nsec < t->deadline.tv_nsec)) {
      rec.armed_here = 1;
      rec.prev_armed = t->timer_armed;
      rec.prev_deadline = t->deadline;
      sfi__timer_arm_until(t, d);
    }
  }
  rc = sfi__enter(&rec);
  if (rec.armed_here) {
    if (rec.prev_armed)
      sfi__timer_arm_until(t, rec.prev_deadline);
    else
      sfi__timer_disarm(t);
  }
  t->depth--;
  __atomic_signal_fence(__ATOMIC_SEQ_CST);
  t->top = rec.prev;
  in->running--;
  sfi__set_gs(rec.prev_gs);
  if (in->njmp)
    sfi__jmp_release_serial(in, rec.serial);
  /* Unwound, or returned above our argument buffer. */
  memcpy((void *)(in->image + in->m->ssp_off), &ssp, 8);
  if (rc == SFI_OK) {
    store_ret(&rec, res, ret);
    return SFI_OK;
  }
  if (rc == SFI_ERR_EXIT)
    return sfi__err(SFI_ERR_EXIT, "%s: exit(%d)", in->m->name, in->exit_status);
  in->trapped = 1;
  rec.trap = rc;
  sfi__trap_message(&rec);
  return rc;
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
  uint64_t fn = sfi_lookup(in, name);
  if (!fn)
    return SFI_ERR_NOTFOUND;
  return sfi__call_raw(in, fn, sig, args, ret);
}

int sfi_call_addr(sfi_instance *in, uint64_t fn, const char *sig,
                  const sfi_val *args, sfi_val *ret) {
  if (!in || !sig)
    return sfi__err(SFI_ERR_INVALID, "sfi_call_addr: NULL argument");
  if (!sfi_is_funcptr(in, fn) && !is_export_fn(in, fn))
    return sfi__err(SFI_ERR_INVALID,
                    "%s: 0x%llx is neither an exported "
                    "function nor a jump-table entry",
                    in->m->name, (unsigned long long)fn);
  return sfi__call_raw(in, fn, sig, args, ret);
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
