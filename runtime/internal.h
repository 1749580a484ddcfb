/* internal.h: data structures shared by the runtime's files. Nothing here is
 * public; the host sees only the opaque types of sfi.h. */
#ifndef SFI_INTERNAL_H
#define SFI_INTERNAL_H

#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <time.h>

#include "sfi.h"
#include "sfi_abi.h"
#include "verify.h"

#define SFI_PAGE 4096ULL
#define PAGE_DOWN(x) ((uint64_t)(x) & ~(SFI_PAGE - 1))
#define PAGE_UP(x) (((uint64_t)(x) + SFI_PAGE - 1) & ~(SFI_PAGE - 1))
/* The end of the part of a region's guard that an access from the region
 * below can reach (sfi_abi.h), page-rounded: nothing is ever mapped or
 * unmapped below it (region.c, instance.c). */
#define SFI_REGION_REACH_END PAGE_UP(SFI_FOLD_MAX + SFI_MAX_ACCESS)
_Static_assert(SFI_REGION_REACH_END <= SFI_GUARD_SIZE, "reach beyond guard");

/* Per-thread sandbox native stack: size-aligned so the import thunks can
 * check headroom with `rsp & (size - 1)`; the low SFI_NSTACK_GUARD bytes are
 * PROT_NONE. Thunks refuse to enter the host with less than
 * SFI_NSTACK_RESERVE bytes left. */
#define SFI_NSTACK_SIZE (8ULL << 20)
#define SFI_NSTACK_GUARD (1ULL << 20)
#define SFI_NSTACK_RESERVE (128ULL << 10)
#define SFI_NSTACK_BELOW (64ULL << 20) /* more PROT_NONE under the block */

#define SFI_ALTSTACK_SIZE (64ULL << 10)
#define SFI_CALLBACK_SLOTS 64
#define SFI_MAX_ARGS 32
#define SFI_BT_MAX 32
#define SFI_JMP_CTX_MAX 256
#define SFI_FD_MAX 256
#define SFI_SYM_CB_SLOTS "__sfi_cb_slots"

/* Arguments of one call that go to the region (call.c). */
/* A signature string, checked and parsed (call.c). */
struct sfi_sig {
  uint8_t nargs, ng, nx; /* arguments; integer-class; floating-point */
  uint8_t spill;         /* 1: not all in registers (a buffer, call.c) */
  char res;              /* result type, 'v' for none */
  char type[SFI_MAX_ARGS];
};

struct sfi_argbuf {
  uint8_t bytes[8 * SFI_MAX_ARGS];
  uint64_t size;
  int gpr_index; /* argument register that carries the buffer, or -1 */
};

/* True if a is in the instance's code and follows a call instruction
 * (trap.c): a return address. */
int sfi__after_call(const sfi_instance *in, uint64_t a);
/* Bound functions of in stop working (sfi_instance_free). */
void sfi__fns_release(sfi_instance *in);
/* CPU features the transitions depend on, detected once (runtime/call.c). */
void sfi__cpu_init(void);

/* ---- errors (error.c) ---- */
int sfi__err(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sfi__errappend(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Appends the vm.max_map_count explanation when err is ENOMEM. */
void sfi__map_hint(int err, int per_instance);
#define SFI_MAPS_PER_INSTANCE 3 /* compact layout (instance.c) */

/* ---- region pool (region.c) ---- */
uint64_t sfi__region_alloc(void);
void sfi__region_free(uint64_t base);
int sfi__region_live(void);

/* ---- ELF parsing (elf_check.c) ---- */
struct sfi_seg {
  uint64_t vaddr, memsz, filesz, offset; /* as in the program header */
  uint64_t start, file_end, end;         /* page-rounded image offsets */
  int prot;
};

enum { RK_BASE, RK_ABS }; /* value = base + IMAGE_OFFSET + v, or = v */
#define SFI_STUB_SIZE 224 /* one thunk: checks, flags, FP state, jmp */
struct sfi_reloc {
  uint64_t off; /* image offset of the 8-byte slot */
  uint64_t v;
  int kind;
};

struct sfi_sym {
  uint64_t value, size; /* image offsets */
  const char *name;     /* points into module->strs */
};

struct sfi_elf; /* parse state, private to elf_check.c */

/* ---- modules ---- */
struct sfi_module {
  char *name;
  int memfd;
  uint64_t image_size; /* page-rounded end of the last segment */
  struct sfi_seg segs[16];
  int nsegs;
  uint64_t relro_start, relro_end; /* page-rounded; 0/0 when none */
  struct sfi_reloc *relocs;
  size_t nrelocs;
  uint64_t init_array, init_array_n; /* image offset and count */
  struct sfi_sym *exports;           /* defined dynsym functions/objects */
  size_t nexports;                   /* sorted by name */
  uint64_t *efuncs;                  /* exported function offsets, sorted */
  size_t nefuncs;
  struct sfi_sym *funcs; /* every function (.symtab), sorted by value */
  size_t nfuncs;
  char *strs;     /* owns the names */
  uint64_t ssp_off, ssp_limit_off, jt_bounds_off, cb_slots_off;
  uint64_t start_off; /* __sfi_start */
  uint32_t mode, scheme;
  /* SFI_USES_* (runtime/verify/verify.h): the state beyond general, SSE
   * and AVX registers the verified code can touch. The transitions clear
   * x87/MMX and AVX-512 registers only for a module that can observe
   * them (enter.S, thunk.c). */
  unsigned uses; /* also set by long double runtime imports (loader.c) */
  /* Import thunks after the image, in the region: thunk i at
   * stub_off + SFI_STUB_SIZE * i. */
  uint64_t stub_off, stub_size;
  uint8_t *stubs; /* their bytes, written to the memfd */
  /* Compact instance layout (instance.c, sfi__layout_prepare), when the
   * segments allow it: [stubs | code, read-only data, RELRO] one private
   * read+exec mapping of mapfd (the stubs, then the image's bytes below
   * low_end), and [data, bss | shadow stack | heap] one anonymous
   * read+write mapping, data copied from data_init. Else one mapping per
   * segment from memfd and the stubs after the image. */
  int compact;
  int maps_per_instance; /* what an instance adds (sfi__layout_prepare) */
  int mapfd; /* -1 unless compact with stubs (else memfd is mapped) */
  uint64_t low_end;    /* image offset: end of the read-only part */
  uint8_t *data_init;  /* compact: the bytes from low_end on */
  uint64_t data_init_size;
  int relro_prot;      /* RELRO after relocation */
  int ninstances;
  /* Source lines (debuginfo.c): the file's bytes in a sealed memfd when it
   * has .debug_line, read by libdw only when a trap is reported. */
  int dbg_init, dbgfd, dbg_failed;
  struct Dwarf *dbg;
  pthread_mutex_t dbglock;
};

/* ---- instances ---- */
struct sfi_range {
  uint64_t lo, hi; /* absolute addresses */
  int writable;
};

struct sfi_jmpctx {
  uint64_t regs[8]; /* rbx rbp r12 r13 r14 r15 rsp rip */
  uint64_t ssp, serial, slot;
  uint32_t gen;
  int live;
  /* Return addresses on the native stack above the resume point when
   * setjmp ran, {location, value}: longjmp resumes only if all are
   * unchanged (a frame that returned may have been rewritten). */
  uint64_t (*rets)[2];
  size_t nrets, caprets;
};

struct sfi_fd {
  int host;  /* -1: free */
  int owned; /* close on close/reset/free (else the host's, e.g. stdio) */
  /* A file the sandbox opened beneath a grant (or a dup of one): only these
   * may have their size, mode or times changed (not stdio, /dev/null or
   * pipes). */
  int beneath;
};

struct sfi_grant {
  char *guest;
  int dirfd;
};

struct sfi_fn;

struct sfi_instance {
  uint64_t uid; /* unique over the process's life (never reused) */
  size_t jmp_rets_cap; /* return-address slots of all jmp contexts */
  sfi_module *m;
  uint64_t base;  /* region base */
  uint64_t image; /* base + SFI_IMAGE_OFFSET */
  uint64_t stubs; /* the import stubs (below the image if m->compact) */
  uint64_t heap_start, brk, heap_mapped, heap_max;
  uint64_t shadow_lo, shadow_hi;
  uint64_t mem_limit, shadow_size;
  double time_limit;
  int trapped;
  /* A page the sandbox must not write (RELRO, callback slots) or a callback
   * thunk could not be protected again: no call, no reset, only free. */
  int broken;
  int called; /* the host has called into it: flush its stdio at free */
  /* The host changed RELRO (a callback slot) since it was relocated: reset
   * restores it. Nothing else can: it is read-only to the sandbox, and the
   * runtime writes sandbox memory only where sfi_ptr says writable. */
  int relro_dirty;
  int complete; /* sfi_instance_new finished: its region may be kept */
  /* Compact layout, during creation: the read-only part is still
   * read+write (not executable) until sfi__relocate protects it. */
  int low_writable;
  int exit_status;
  int running;           /* call depth of this instance */
  uint64_t jt_lo, jt_hi; /* jump table bounds, checked at creation */
  uint64_t checked_fn;   /* sfi_call_addr: last address found callable */
  const struct sfi_sym *named_sym; /* sfi_call: the last export found */
  uint64_t named_fn;
  void *userdata;
  struct sfi_range ranges[24];
  int nranges;
  /* callbacks */
  uint64_t cb_used; /* bitmask of slots in use */
  void *cb_thunks;  /* host RX pages, one thunk per slot */
  size_t cb_thunks_size;
  /* setjmp contexts */
  struct sfi_jmpctx *jmp;
  int njmp;
  uint64_t call_serial;
  /* system interface */
  struct sfi_fd fds[SFI_FD_MAX];
  struct sfi_grant *grants;
  int ngrants;
  char **argv, **envp;
  int argc, envc;
  int stdio[3];
  uint64_t malloc_fn, free_fn;
  /* bound functions (sfi_fn_new) of this instance: cut loose at free,
   * so that a stale binding cannot call into a later instance */
  struct sfi_fn *fns;
};

/* ---- calls (call.c, enter.S) ----
 * One record per call into a sandbox, on the host stack of sfi_call. The
 * offsets of the first fields are used by enter.S: keep them in sync. */
struct sfi_callrec {
  uint64_t saved[7]; /* 0: rbx rbp r12 r13 r14 r15 rsp */
  uint64_t fn;       /* 56 */
  uint64_t gpr[6];   /* 64 */
  uint64_t xmm[8];   /* 112 */
  uint64_t *stack;   /* 176: unused (no native stack arguments) */
  uint64_t nstack;   /* 184 */
  uint64_t new_rsp;  /* 192: 0 = continue below the current rsp */
  uint64_t ret_rax;  /* 200 */
  uint64_t ret_xmm0; /* 208 */
  uint32_t mxcsr;    /* 216 */
  uint16_t fcw;      /* 220 */
  uint16_t uses;     /* 222: the module's SFI_USES_* (what to clear) */
  uint64_t entry_rsp; /* 224: rsp just before the call into the sandbox */
  /* C only below */
  struct sfi_callrec *prev;
  sfi_instance *in;
  uint64_t prev_gs;
  uint64_t serial;
  /* time limit: this call armed the timer; what was armed before */
  int armed_here, prev_armed;
  struct timespec prev_deadline;
  /* filled by the signal handler */
  int trap;
  char why[160]; /* runtime-detected traps: the reason */
  int signo, sicode;
  uint64_t fault_addr, fault_rip;
  uint64_t bt[SFI_BT_MAX];
  int nbt;
};

int sfi__enter(struct sfi_callrec *rec);
_Noreturn void sfi__recover(struct sfi_callrec *rec, int code);
extern char sfi__recover_label[];
extern char sfi__enter_ret[]; /* where a call into the sandbox returns */
void sfi__sys_setjmp(void);
void sfi__sys_setjmp_leave(void);
_Noreturn void sfi__longjmp_to(const uint64_t regs[8], int val);

/* One sandbox native stack of a thread (call.c). A thread keeps up to
 * SFI_NSTACKS, each holding dead frames of at most one instance (owner): an
 * outermost call runs on the stack its instance owns, so calls that
 * alternate between a few instances need no scrub; taking a stack from
 * another owner scrubs it. */
#define SFI_NSTACKS 4
struct sfi_nstack {
  void *map; /* the whole mapping, PROT_NONE part included */
  size_t map_size;
  uint64_t lo, hi; /* usable part */
  uint64_t owner;  /* uid of the instance whose frames it may hold, or 0 */
  uint64_t used;   /* when last chosen (thread's tick), for eviction */
};

struct sfi_thread {
  struct sfi_callrec *top;
  int depth;
  /* Set (to SFI_USES_X87) by the system-interface thunks of a module
   * without x87 code: runtime code run for it (libm, printf's long double
   * formatting) may have used the x87 unit, so the call's return resets
   * it as for an x87 module (enter.S; review call4b). */
  unsigned char x87_dirty;
  /* The stack in use (a copy of stacks[cur]'s fields, read by trap.c). */
  uint64_t stack_lo, stack_hi; /* usable sandbox native stack */
  void *stack_map;
  size_t stack_map_size;
  struct sfi_nstack stacks[SFI_NSTACKS];
  int cur;
  uint64_t tick;
  void *altstack;
  int timer_ok;
  timer_t timer;
  int timer_armed;
  struct timespec deadline; /* the nearest one of the active calls */
  /* The region base a call left in %gs for a thread whose own base was 0
   * (call.c), or 0. */
  uint64_t gs_left;
  /* Imports of the current call in that asked XINUSE (thunk.c): a hint
   * for the cheaper path, never a safety decision. */
  unsigned char x87_probes;
};
/* This thread's state; the transitions (enter.S) read `top` through %fs. */
extern _Thread_local struct sfi_thread sfi__thread_state
    __attribute__((tls_model("initial-exec"), visibility("hidden")));
struct sfi_thread *sfi__thread(void);
int sfi__thread_prepare(struct sfi_thread *t);

/* CPU features decided once (call.c): XGETBV(1) usable. */
extern unsigned char sfi__cpu_xinuse __attribute__((visibility("hidden")));
/* Offset of a field of this thread's sfi__thread_state (x87_probes,
 * x87_dirty) from the %fs base: the same in every thread (initial-exec
 * TLS), so generated code reaches it as %fs:disp. */
int64_t sfi__thread_tpoff(const void *field);
void sfi__set_gs(uint64_t v);
uint64_t sfi__get_gs(void);

/* ---- traps (trap.c) ----
 * The handlers are entered through enter.S's sfi__trap_entry and
 * sfi__timer_entry, which clear AC first: the kernel hands a handler the
 * interrupted RFLAGS' AC bit, and a sandbox may have set it. */
void sfi__on_trap(int sig, siginfo_t *si, void *ctx);
void sfi__on_timer(int sig, siginfo_t *si, void *ctx);
void sfi__trap_entry(int sig, siginfo_t *si, void *ctx);
void sfi__timer_entry(int sig, siginfo_t *si, void *ctx);
int sfi__signals_ensure(void);
extern int sfi__signals_installed __attribute__((visibility("hidden")));
/* sfi__signals_ensure with the usual case (installed) inline. */
static inline int sfi__signals_ready(void) {
  return __atomic_load_n(&sfi__signals_installed, __ATOMIC_ACQUIRE)
             ? SFI_OK
             : sfi__signals_ensure();
}
void sfi__trap_message(struct sfi_callrec *rec);
int sfi__in_thunk(uint64_t rip);
int sfi__thunk_range_add(uint64_t lo, uint64_t hi); /* -1: table full */
void sfi__thunk_range_del(uint64_t lo);
struct timespec sfi__deadline(double secs);
void sfi__timer_arm_until(struct sfi_thread *t, struct timespec d);
void sfi__timer_disarm(struct sfi_thread *t);
_Noreturn void sfi__trap_now(int code, const char *why);

/* ---- thunks (thunk.c) ---- */
void sfi__thunk_emit(uint8_t *t, void *fn, int64_t const_rel, int x87);
void sfi__thunk_emit_plain(uint8_t *t, void *fn, int x87);
void sfi__thunk_consts(uint8_t *at);
void *sfi__thunks_make(void *const *fns, size_t n, size_t *size, int x87);
void sfi__thunks_free(void *p, size_t size);
uint64_t sfi__thunk_addr(void *page, size_t i);
int sfi__thunk_set(void *page, size_t size, size_t i, void *fn, int x87);

/* ---- symbols (symbolize.c, loader.c) ---- */
int sfi__is_func_start(const sfi_module *m, uint64_t off);
/* An import or callback signature the runtime accepts: iIpfd arguments, at
 * most 6 integer and 8 floating-point (all in registers), one result. */
int sfi__valid_sig(const char *sig);
/* Integer-class and floating-point arguments of a signature (loader.c). */
void sfi__sig_count(const char *sig, int *ng, int *nx);
const struct sfi_sym *sfi__export(const sfi_module *m, const char *name);
/* exports.c: sfi__export without the reserved __sfi_ names (what the host
 * may look up), and the image offset of the module's malloc/free/fflush
 * through the private __sfi_rt_ entries (0 if none). */
const struct sfi_sym *sfi__public_export(const sfi_module *m,
                                         const char *name);
uint64_t sfi__rt_fn(const sfi_module *m, const char *what);
int sfi__symbolize(const sfi_instance *in, uint64_t addr, char *buf,
                   size_t cap);

/* ---- tainted.c: copy a sandbox string once; its length or an error ---- */
int sfi__fetch_string(sfi_instance *in, uint64_t src, char *dst, size_t cap,
                      const char *who);

/* ---- source lines (debuginfo.c) ---- */
void sfi__debug_keep(sfi_module *m, const void *data, size_t size);
void sfi__debug_free(sfi_module *m);
int sfi__has_debug(const sfi_module *m);
/* "file.c:LINE" for a sandbox code address (is_return: a return address,
 * looked up at the call before it); 0 and "" when unknown. Runs libdw:
 * only while formatting a trap message, never in a signal handler. */
int sfi__srcline(const sfi_instance *in, uint64_t addr, int is_return,
                 char *buf, size_t cap);

sfi_module *sfi__module_load_named(const void *data, size_t size,
                                   const sfi_import *imports,
                                   const sfi_module_options *opts,
                                   const char *name);

/* ---- the binary verifier on a loaded module (verify/verify_module.c):
 * maps the sealed memfd image and runs sfi_verify; SFI_ERR_BADMODULE with
 * the violation on rejection. Not yet called by the loader. ---- */
int sfi__verify_module(sfi_module *m);

/* ---- instance internals ---- */
/* Applies the relocations. relro: also those in RELRO (which must be
 * writable then), the callback slots, and write-protects RELRO after. */
int sfi__relocate(sfi_instance *in, int relro);
void sfi__jmp_release_serial(sfi_instance *in, uint64_t serial);
int sfi__heap_resize(sfi_instance *in, uint64_t new_brk);
/* Chooses the instance layout of a loaded, verified module (instance.c):
 * the compact one when its segments allow. */
int sfi__layout_prepare(sfi_module *m);
/* Frees the regions kept for reuse by module m's instances. */
void sfi__warm_drop_module(const sfi_module *m);
int sfi__call_raw(sfi_instance *in, uint64_t fn, const char *sig,
                  const sfi_val *args, sfi_val *ret);

/* ---- system interface (sys/) ---- */
struct sfi_bind {
  const char *name;
  void *fn;
};
void *sfi__sys_lookup(const char *name);
int sfi__libm_x87(const char *name);
void *sfi__libm_lookup(const char *name);
int sfi__sys_instance_init(sfi_instance *in, const sfi_instance_options *o);
void sfi__sys_instance_fini(sfi_instance *in);
void sfi__sys_instance_reset(sfi_instance *in);

#endif
