/* sfi.h: the libsfi runtime, the host side of software fault isolation.
 * Load sandboxed modules (built with sfi-cc), create instances, call into
 * them, grant them imports and callbacks, and get every fault inside a
 * sandbox back as an error.
 *
 *   sfi_module *m = sfi_module_load("plugin.so", imports, NULL);
 *   if (!m) { fprintf(stderr, "%s\n", sfi_errmsg()); ... }
 *   sfi_instance *in = sfi_instance_new(m, NULL);
 *   sfi_val args[2] = {SFI_I32(2), SFI_I32(40)}, ret;
 *   if (sfi_call(in, "add", "ii:i", args, &ret) != SFI_OK)
 *     fprintf(stderr, "trap: %s\n", sfi_errmsg());
 *   sfi_instance_free(in);
 *   sfi_module_free(m);
 *
 * Threads: a module may be used from any thread; an instance is used by one
 * thread at a time; different instances run on different threads at once.
 * Errors: functions return SFI_OK (0) / a negative sfi_err code, or NULL,
 * and leave a readable message for sfi_errmsg() in thread-local storage.
 *
 * Resources, per process: every instance takes one 4 GiB region of address
 * space (x86-64 user space holds about 32,700 of them) and six memory
 * mappings, so more than ~10,900 live instances need a higher
 * vm.max_map_count (`sysctl vm.max_map_count=1048576`). The environment
 * variable SFI_MAX_REGIONS=n caps the pool (tests). Per thread that calls
 * into a sandbox: an 8 MiB native stack (1 MiB of it a guard), a 64 KiB
 * signal stack if the thread has none, and, with a time limit, a POSIX
 * timer delivering SIGRTMIN+4. */
#ifndef SFI_H
#define SFI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The runtime's version: SFI_VERSION is MAJOR*10000 + MINOR*100 + PATCH of
 * this header; sfi_version() is the same number for the library linked
 * in (they differ only if header and library come from different builds).
 *
 *   #if SFI_VERSION >= 20100   // sfi_sptr and the fetch helpers
 *   if (sfi_version() != SFI_VERSION) errx(1, "sfi.h and libsfirt differ");
 */
#define SFI_VERSION_MAJOR 2
#define SFI_VERSION_MINOR 1
#define SFI_VERSION_PATCH 0
#define SFI_VERSION                                                            \
  (SFI_VERSION_MAJOR * 10000 + SFI_VERSION_MINOR * 100 + SFI_VERSION_PATCH)
int sfi_version(void);

typedef struct sfi_module sfi_module;
typedef struct sfi_instance sfi_instance;

/* Result codes. Traps are the errors a call into a sandbox can end with. */
typedef enum sfi_err {
  SFI_OK = 0,
  SFI_ERR_INVALID = -1,   /* bad argument from the host */
  SFI_ERR_NOMEM = -2,     /* host memory or address space exhausted */
  SFI_ERR_IO = -3,        /* could not read the module file */
  SFI_ERR_BADMODULE = -4, /* malformed or unsandboxed module file */
  SFI_ERR_IMPORT = -5,    /* an import the host did not grant */
  SFI_ERR_NOTFOUND = -6,  /* no such export */
  SFI_ERR_TRAPPED = -7,   /* instance trapped before; reset it first */
  SFI_ERR_EXIT = -8,      /* the sandbox called exit(); see sfi_exit_status */
  /* Traps: the call ended because the sandbox faulted. */
  SFI_TRAP_OOB = -20,     /* access outside mapped sandbox memory */
  SFI_TRAP_STACK = -21,   /* native or shadow stack exhausted */
  SFI_TRAP_DIV = -22,     /* integer division by zero or overflow */
  SFI_TRAP_ILLEGAL = -23, /* illegal instruction, bad indirect call */
  SFI_TRAP_BREAK = -24,   /* int3: jump table padding, unreachable */
  SFI_TRAP_ABORT = -25,   /* abort(), assert, bad jmp_buf */
  SFI_TRAP_TIMEOUT = -26, /* the instance's time limit ran out */
  SFI_TRAP_FPE = -27,     /* other floating-point exception */
} sfi_err;

/* Nonzero if rc is a trap code (SFI_TRAP_*): the call ended because the
 * sandbox faulted, and the instance refuses calls until it is reset. Other
 * negative codes (SFI_ERR_*) are the host's or the module file's errors;
 * SFI_ERR_EXIT is the sandbox's orderly exit.
 *
 *   int rc = sfi_call(in, "parse", "pI:i", a, &r);
 *   if (sfi_is_trap(rc)) sfi_instance_reset(in);
 *   else if (rc != SFI_OK) errx(1, "%s", sfi_errmsg()); */
int sfi_is_trap(int rc);
/* A readable name for every code above (and "unknown error" for any other
 * value; never NULL): sfi_strerror(SFI_TRAP_OOB) is "out-of-bounds memory
 * access". Unlike sfi_errmsg() it has no details and is thread-free.
 *
 *   fprintf(stderr, "decode: %s\n", sfi_strerror(rc)); */
const char *sfi_strerror(int err);
/* The message of the last failure on this thread, with details (file,
 * offending value, trap address, sandbox backtrace). Never NULL. For a
 * module built with -g, trap messages name file:line for the faulting
 * instruction and every backtrace frame (read from the module's DWARF
 * with libdw, only when a trap is reported):
 *   trap: out-of-bounds memory access (SIGSEGV) at 0x7b0000000010
 *   (sandbox offset 0x10) in leaf+0x0 at /src/lines.c:7
 *     #0 0x102300 leaf+0x0 /src/lines.c:7
 *     #1 0x102319 mid+0x9 /src/lines.c:11 */
const char *sfi_errmsg(void);

/* ---- Values passed across the boundary --------------------------------
 * Signatures are strings "ARGS:RESULT": ARGS is up to 32 of i (int32),
 * I (int64), p (sandbox pointer), f (float), d (double); RESULT is one of
 * those or v (void). "ii:i" is int f(int, int), ":v" is void f(void). */
typedef union sfi_val {
  int32_t i32;
  int64_t i64;
  uint64_t ptr; /* a sandbox address */
  float f32;
  double f64;
} sfi_val;
#define SFI_I32(x) ((sfi_val){.i32 = (int32_t)(x)})
#define SFI_I64(x) ((sfi_val){.i64 = (int64_t)(x)})
#define SFI_PTR(x) ((sfi_val){.ptr = (uint64_t)(x)})
#define SFI_F32(x) ((sfi_val){.f32 = (float)(x)})
#define SFI_F64(x) ((sfi_val){.f64 = (double)(x)})

/* ---- Imports: host functions the sandbox may call ----------------------
 * A host function is an ordinary C function with the signature the sandbox
 * declares; pointer arguments arrive as sandbox addresses (uint64_t: wrap
 * them in an sfi_sptr at once, SFI_SPTR(arg)) and must go through
 * sfi_fetch*()/sfi_sptr_check() before use (see "Tainted values"). It finds its instance
 * with sfi_current(). The signature string names argument and result types:
 * i (int32), I (int64), p (sandbox pointer), f (float), d (double), v (void
 * result only), e.g. "pI:I" for long f(void *, long).
 *
 *   static int64_t host_log(uint64_t msg, int64_t len) {
 *     char buf[256];
 *     if (sfi_copy_string_out(sfi_current(), buf, sizeof buf, msg) < 0)
 *       return -1;
 *     return puts(buf);
 *   }
 *   sfi_import imps[] = {{"host_log", "pI:I", (void *)host_log}, {0}};
 *
 * The module declares the imports it expects when it is linked
 * (`sfi-cc -shared plugin.c -fsfi-import=host_log -o plugin.so`, or
 * -fsfi-imports=FILE): any other undefined symbol is a link error there.
 */
/* An import runs on the sandbox's native stack (entered with at least
 * 128 KiB left), with the sandbox's %gs base; it may call back into any
 * sandbox with sfi_call. It is reached through a read+exec stub inside the
 * region and a host thunk, so every pointer the loader gives the sandbox
 * lies in its region (the stubs' code does reveal the thunks' addresses). */
typedef struct sfi_import {
  const char *name;
  const char *sig;
  void *fn;
} sfi_import;

/* ---- Modules ------------------------------------------------------------ */
typedef struct sfi_module_options {
  /* Refuse modules built in stores-only mode (confidentiality needed). */
  int require_full_mode;
} sfi_module_options;

/* Loads a module file; imports is terminated by an entry with name NULL and
 * may be NULL. Every undefined symbol of the module must be a granted import
 * or part of the system interface, or the load fails naming it. A module
 * without a symbol table (linked with -s, or stripped) is refused: the
 * loader checks function starts against it. opts may be NULL. The file is
 * checked as hostile input (a bad one is an error naming the offending
 * field, never a crash), and its machine code by the binary verifier
 * (runtime/verify/: every instruction, always; a rejection names the rule,
 * the function, the offset and the instruction): nothing is trusted to
 * come from the libsfi toolchain. The image is kept in a memfd: instances
 * share its code pages.
 *
 *   sfi_module *m = sfi_module_load("plugin.so", imps, NULL);
 *   if (!m) errx(1, "%s", sfi_errmsg());  // e.g. "plugin.so: import 'foo'
 *                                         // is not granted by the host..." */
sfi_module *sfi_module_load(const char *path, const sfi_import *imports,
                            const sfi_module_options *opts);
/* The same from memory (the bytes are copied; data may be freed after).
 *
 *   sfi_module *m = sfi_module_load_mem(blob, blob_len, imps, NULL); */
sfi_module *sfi_module_load_mem(const void *data, size_t size,
                                const sfi_import *imports,
                                const sfi_module_options *opts);
/* Frees a module; its instances must be freed first (otherwise the call
 * fails with a message and the module stays). NULL is ignored.
 *
 *   sfi_instance_free(in);
 *   sfi_module_free(m); */
void sfi_module_free(sfi_module *m);

/* ---- Instances ---------------------------------------------------------- */
typedef struct sfi_instance_options {
  /* Most bytes of memory the instance can make resident: its writable
   * image (data and bss, page-rounded), the shadow stack and the heap
   * together. The heap gets what the first two leave (then
   * __sfi_sys_sbrk fails and malloc returns NULL); sfi_instance_new fails
   * with SFI_ERR_NOMEM, naming the numbers, when the writable image alone,
   * or with the shadow stack, exceeds it. Code, read-only data and import
   * stubs are shared read-only pages and not counted. 0: no limit (the heap
   * gets what the region holds, about 4 GiB minus image and stacks). */
  uint64_t mem_limit;
  /* Shadow stack bytes, page-rounded; 0: 8 MiB, or mem_limit / 8 when
   * that is less (at least 64 KiB). */
  uint64_t shadow_stack;
  /* Seconds one outermost sfi_call may run before it ends with
   * SFI_TRAP_TIMEOUT; 0: no limit. Time spent in host imports counts, but
   * an import is never interrupted: the trap happens once it returns. */
  double time_limit;
  /* argv/envp (NULL-terminated, copied) for __sfi_sys_args_* and
   * __sfi_sys_environ_*; may be NULL. argv[0] is the program name. */
  const char *const *argv;
  const char *const *envp;
  /* Directories granted to the sandbox: dirs_host[i] is visible inside as
   * dirs_guest[i] (e.g. "/data"); relative paths resolve against the first
   * grant. Nothing outside them is reachable: "..", absolute paths and
   * symlinks that leave a grant fail. Opened when the instance is made. */
  const char *const *dirs_host;
  const char *const *dirs_guest;
  int ndirs;
  /* Host fds behind sandbox fds 0, 1, 2 (not closed by the runtime); -1
   * leaves one closed; all zero means the host's own 0, 1, 2. */
  int stdio_fds[3];
} sfi_instance_options;

/* Creates an instance in a fresh region (image mapped, relocated, RELRO
 * read-only, empty heap, shadow stack) and runs its constructors; about
 * 15 us. o may be NULL for defaults. NULL on failure (pool exhausted:
 * SFI_ERR_NOMEM; a constructor trapped: its trap message).
 *
 *   sfi_instance_options o = {.mem_limit = 64 << 20, .time_limit = 1.0};
 *   sfi_instance *in = sfi_instance_new(m, &o); */
sfi_instance *sfi_instance_new(sfi_module *m, const sfi_instance_options *o);
/* Puts the instance back to its just-loaded state: data and bss restored,
 * heap and shadow stack emptied, callbacks and files closed, constructors
 * run again, the trap cleared. Not while it is running (SFI_ERR_INVALID).
 * If a page that must be read-only (RELRO) cannot be protected again, the
 * reset fails and the instance is unusable for good: calls and resets
 * return SFI_ERR_TRAPPED; free it.
 *
 *   if (sfi_is_trap(sfi_call(in, "parse", "pI:i", a, &r)))
 *     sfi_instance_reset(in);   // trapped: start over */
int sfi_instance_reset(sfi_instance *in);
/* Returns the region to the pool (all its memory is released). NULL is
 * ignored; a running instance is not freed. Up to 256 freed regions in the
 * process (SFI_KEEP_FREED=n in the environment sets the number, 0 keeps
 * none) keep their mappings, reset as by sfi_instance_reset (every private
 * page dropped or written back to the module's initial bytes, the heap
 * unmapped), for the next sfi_instance_new of the same module with the
 * same shadow stack size (which then maps nothing); a region whose
 * read-only data a callback changed is never kept. They still count
 * against the region pool and the process's mappings (3 each in the
 * compact layout), and give them up when the pool runs out or a new
 * instance's mapping fails.
 *
 *   sfi_instance_free(in);   // every sfi_sptr into it is now dangling */
void sfi_instance_free(sfi_instance *in);
/* Unmaps the regions sfi_instance_free kept for reuse (a leak check, or a
 * host that wants its mappings back); sfi_module_free drops a module's. */
void sfi_release_cached(void);
/* The instance whose code is running on this thread: inside an import or
 * a callback, the sandbox that called it (the innermost one when calls
 * nest); NULL outside any call.
 *
 *   static int32_t host_get(uint64_t key) {
 *     struct state *st = sfi_userdata(sfi_current()); ...
 *   } */
sfi_instance *sfi_current(void);
/* Host data attached to an instance (not seen by the sandbox).
 *
 *   sfi_set_userdata(in, &st);   // in an import: sfi_userdata(sfi_current()) */
void sfi_set_userdata(sfi_instance *in, void *data);
void *sfi_userdata(sfi_instance *in);

/* ---- Calls in ------------------------------------------------------------
 * Exports are what the module's author marked: sfi-cc builds with
 * -fsfi-exports=marked by default, so only functions declared SFI_EXPORT
 * (<sfi_export.h>, i.e. visibility("default")) are found, not the sandbox
 * libc's nor unmarked globals. Names starting with __sfi_ are reserved for
 * the runtime's private use and never found.
 * Calls export `name` with arguments described by sig (see sfi_import) and
 * stores the result in *ret (may be NULL for "v"). Returns SFI_OK, or a trap
 * code with the details in sfi_errmsg(). After a trap the instance refuses
 * calls (SFI_ERR_TRAPPED) until sfi_instance_reset(). SFI_ERR_EXIT (the
 * sandbox called exit) is not a trap: the instance stays usable.
 * The call runs on this thread's sandbox stack with %gs pointing at the
 * region; an import may call sfi_call again (same or another instance).
 * %gs: a nested call puts the caller's base back, and so does every call
 * on a thread that set a %gs base of its own; on a thread whose base was 0
 * (glibc and the x86-64 ABI use only %fs) the last region base may stay in
 * %gs between calls (each call reads the register and switches it when it
 * differs). A call from a signal handler that interrupted another call's
 * host-side setup or teardown on the same thread is refused
 * (SFI_ERR_INVALID); calls while the sandbox or an import runs are nested
 * calls. Install host signal handlers that may interrupt a call with
 * SA_ONSTACK: one without it runs on the sandbox native stack, where its
 * frames and the kernel's signal frame stay readable by the sandbox
 * (docs/contract.md, known limits). sfi_call_addr costs about 17-18 ns per
 * call on the development machine for a module without x87 or AVX-512
 * code (the verifier says so; others pay the x87 reset, about 13 ns more,
 * see benchmarks/results/micro.md), sfi_call a name lookup more,
 * sfi_fn_call (below, 14-16 ns) the signature parse less. Calls with a
 * time limit, nested calls and calls with arguments beyond the registers
 * take a slower path.
 *
 *   sfi_val a[2] = {SFI_PTR(buf), SFI_I64(len)}, r;
 *   int rc = sfi_call(in, "checksum", "pI:i", a, &r);
 *   if (rc != SFI_OK) fprintf(stderr, "%s\n", sfi_errmsg());
 *   // "trap: out-of-bounds memory access (SIGSEGV) at 0x7f0000000010
 *   //  (sandbox offset 0x10) in checksum+0x1c\n  #0 0x10231c checksum+0x1c
 *   //  \n  #1 0x1024a0 main+0x40" */
int sfi_call(sfi_instance *in, const char *name, const char *sig,
             const sfi_val *args, sfi_val *ret);
/* The same with a function address found before (sfi_lookup: 0 and
 * SFI_ERR_NOTFOUND if there is no such exported function) or handed out by
 * the sandbox (a function pointer, checked to be a jump-table entry);
 * anything else is refused with SFI_ERR_INVALID before running.
 *
 *   uint64_t f = sfi_lookup(in, "step");      // once
 *   sfi_call_addr(in, f, "i:v", &arg, NULL);  // many times */
uint64_t sfi_lookup(sfi_instance *in, const char *name);
int sfi_call_addr(sfi_instance *in, uint64_t fn, const char *sig,
                  const sfi_val *args, sfi_val *ret);
/* A bound function: an exported function or jump-table entry of one
 * instance (checked as by sfi_call_addr) with its signature checked and
 * parsed once, for hosts that call the same function many times. Each
 * sfi_fn_call does all of a call's safety work (the %gs base read, the
 * register, x87 and vector clears, the stack and depth bookkeeping) but
 * no signature parsing and no address check. sfi_fn_new returns NULL
 * with the reason in sfi_errmsg(). The sfi_fn stays valid across
 * sfi_instance_reset (addresses do not change); once its instance is
 * freed, sfi_fn_call refuses it (SFI_ERR_INVALID) and only sfi_fn_free
 * remains to be called on it. sfi_fn_new and sfi_fn_free use the instance
 * (its list of bindings): like a call, one thread at a time.
 *
 *   sfi_fn *step = sfi_fn_new(in, sfi_lookup(in, "step"), "i:i"); // once
 *   sfi_val a = SFI_I32(7), r;
 *   int rc = sfi_fn_call(step, &a, &r);                          // often */
typedef struct sfi_fn sfi_fn;
sfi_fn *sfi_fn_new(sfi_instance *in, uint64_t fn, const char *sig);
int sfi_fn_call(const sfi_fn *f, const sfi_val *args, sfi_val *ret);
void sfi_fn_free(sfi_fn *f);
/* Checks a signature string against the module's own prototype of export
 * `name`, read from its debug info (a module built with -g): SFI_OK if
 * they agree, SFI_ERR_INVALID naming both when they do not (the header the
 * host was written against is not the one the library was built with),
 * SFI_ERR_NOTFOUND when it cannot tell (no -g, no libdw.so.1, no such
 * definition). Reads the DWARF with libdw on the first call (milliseconds);
 * a developer aid, not a safety check: the module's DWARF is as untrusted
 * as the rest of it. sfi-bindgen's generated P_bind calls it for every
 * function.
 *
 *   if (sfi_check_signature(in, "add", "ii:i") == SFI_ERR_INVALID)
 *     errx(1, "%s", sfi_errmsg());  // "'add' is \"dd:d\" in the module" */
int sfi_check_signature(sfi_instance *in, const char *name, const char *sig);
/* Nonzero if fn is an entry of the instance's jump table (a function
 * pointer the sandbox may legitimately hold): 16-byte aligned, inside
 * __sfi_jt_bounds, and not entry 0 (the trap entry).
 *
 *   if (!sfi_is_funcptr(in, cb_from_sandbox)) return -1; */
int sfi_is_funcptr(sfi_instance *in, uint64_t fn);
/* The status passed to exit() by the last call that returned
 * SFI_ERR_EXIT.
 *
 *   if (rc == SFI_ERR_EXIT) printf("exited %d\n", sfi_exit_status(in)); */
int sfi_exit_status(sfi_instance *in);

/* ---- Callbacks -----------------------------------------------------------
 * Gives the sandbox a function pointer to host function fn (signature as
 * for imports): returns a sandbox function pointer (a jump-table callback
 * slot whose target the sandbox cannot change: the slot is in RELRO), or 0
 * with sfi_errmsg(). 64 slots per instance; sfi_instance_reset frees them
 * all. Calling a freed callback traps (SFI_TRAP_ILLEGAL). If a slot's page
 * or the callback thunks cannot be protected again after the change,
 * sfi_callback_new (or sfi_callback_free) fails and the instance is
 * unusable for good, as after a failed reset.
 *
 *   static void on_row(uint64_t row, int32_t n) { ... sfi_ptr(...) ... }
 *   uint64_t cb = sfi_callback_new(in, "pi:v", (void *)on_row);
 *   sfi_val a[2] = {SFI_PTR(img), SFI_PTR(cb)};
 *   sfi_call(in, "decode", "pp:i", a, &r); */
uint64_t sfi_callback_new(sfi_instance *in, const char *sig, void *fn);
/* Frees a callback slot: the sandbox's copies of the pointer now trap.
 *
 *   sfi_callback_free(in, cb); */
void sfi_callback_free(sfi_instance *in, uint64_t fnptr);

/* ---- Memory ----------------------------------------------------------------
 * sfi_ptr returns a host pointer to [addr, addr+len) if the whole range is
 * mapped sandbox memory of this instance (image, heap, shadow stack;
 * writable when write != 0), else NULL: addresses in the guard zones, in
 * another region, with an overflowing length, or read-only for a write.
 * Sandbox pointers are plain addresses inside the region, so the pointer
 * returned equals addr. Never trust the bytes behind it: the sandbox may
 * change them (copy first, then check).
 *
 *   const char *s = sfi_ptr(in, arg, n, 0);
 *   if (!s) return -1;   // the sandbox passed a bad pointer */
void *sfi_ptr(sfi_instance *in, uint64_t addr, uint64_t len, int write);
/* Allocation with the sandbox's own malloc/free, reached through the
 * module's private __sfi_rt_malloc/__sfi_rt_free (sfi-cc links them into
 * every module; a module linked without them falls back to exported
 * "malloc"/"free"). 0 on failure, also when the sandbox's malloc returns
 * memory that is not its own.
 *
 *   uint64_t buf = sfi_malloc(in, 4096);
 *   if (!buf) errx(1, "%s", sfi_errmsg()); */
uint64_t sfi_malloc(sfi_instance *in, uint64_t size);
/* Calls the sandbox's free(addr); 0 and modules without free are ignored.
 *
 *   sfi_free(in, buf); */
void sfi_free(sfi_instance *in, uint64_t addr);
/* Copy n bytes into / out of the sandbox after checking the whole range
 * (writable for copy_in); SFI_ERR_INVALID if it is not sandbox memory.
 * The untyped forms of sfi_store and sfi_fetch (below).
 *
 *   uint64_t buf = sfi_malloc(in, len);
 *   if (!buf || sfi_copy_in(in, buf, data, len) != SFI_OK) ...
 *   if (sfi_copy_out(in, out, buf, len) != SFI_OK) ... */
int sfi_copy_in(sfi_instance *in, uint64_t dst, const void *src, size_t n);
int sfi_copy_out(sfi_instance *in, void *dst, uint64_t src, size_t n);
/* Copies a NUL-terminated sandbox string into dst (cap bytes); fails with
 * SFI_ERR_INVALID if it is not terminated within cap or leaves memory.
 * Each byte is read once (the NUL is looked for in the copy).
 *
 *   char path[256];
 *   if (sfi_copy_string_out(in, path, sizeof path, arg) != SFI_OK) ... */
int sfi_copy_string_out(sfi_instance *in, char *dst, size_t cap, uint64_t src);
/* The region's base address (4 GiB-aligned; the region is SFI_REGION_SIZE
 * bytes, see sfi_abi.h).
 *
 *   uint64_t off = addr - sfi_region_base(in);   // for messages */
uint64_t sfi_region_base(sfi_instance *in);

/* ---- Tainted values: sandbox pointers and copy-and-verify -----------------
 * Everything the sandbox hands the host (arguments of imports and
 * callbacks, results of calls, bytes in its memory) is controlled by it.
 * A sandbox address has its own type, sfi_sptr, so that the compiler
 * refuses to dereference it, to pass it where a host pointer is expected,
 * or to mix it up with an integer; it becomes host memory only through the
 * checked functions below. Host mirrors of sandbox structs declare their
 * pointer fields as sfi_sptr (same size and alignment as a pointer).
 *
 * THE RULE: never read sandbox memory twice for one decision. The sandbox
 * can change its memory between two reads (from a callback, from an
 * import that calls back in, or from another host thread working on the
 * same instance), so "check a length, then use the length" must check and
 * use the same host copy: fetch once with sfi_fetch / sfi_fetch_verify /
 * sfi_fetch_string, then decide on and use only the copy. A pointer from
 * sfi_sptr_check is for bulk data that no host decision depends on (the
 * bytes to decompress, a buffer to fill).
 *
 *   struct req { uint32_t len; sfi_sptr data; };     // mirror of the
 *   struct req q;                                    // sandbox's struct
 *   if (sfi_fetch(in, arg, &q, sizeof q) != SFI_OK || q.len > MAX) return -1;
 *   const void *d = sfi_sptr_check(in, q.data, q.len, 0);   // q.len, not
 *   if (!d) return -1;                                     // a re-read */
typedef struct sfi_sptr {
  uint64_t a; /* the address inside the region: never dereference it */
} sfi_sptr;
#define SFI_SPTR(x) ((sfi_sptr){(uint64_t)(x)})
#define SFI_SPTR_NULL ((sfi_sptr){0})
/* Arithmetic stays tainted; the result is checked when used. */
static inline sfi_sptr sfi_sptr_add(sfi_sptr p, uint64_t off) {
  return (sfi_sptr){p.a + off};
}
static inline int sfi_sptr_is_null(sfi_sptr p) { return p.a == 0; }
/* To and from call arguments and results (sig letter p). */
static inline sfi_val sfi_val_sptr(sfi_sptr p) {
  sfi_val v;
  v.ptr = p.a;
  return v;
}
static inline sfi_sptr sfi_sptr_of(sfi_val v) { return (sfi_sptr){v.ptr}; }

/* A host pointer to [p, p+size) if the whole range is mapped memory of
 * this instance (writable if write), else NULL: host addresses, other
 * regions, guard zones, unmapped heap, and sizes that run past the region
 * or wrap are all refused. The bytes behind it stay the sandbox's: they
 * may change while the host reads them (see THE RULE).
 *
 *   uint8_t *out = sfi_sptr_check(in, outbuf, cap, 1);
 *   if (!out) return -1;
 *   produce(out, cap);               // bulk output, no decision on it */
void *sfi_sptr_check(sfi_instance *in, sfi_sptr p, uint64_t size, int write);
/* Copies n bytes from the sandbox into host memory dst, once, after
 * checking the whole range; SFI_ERR_INVALID (dst untouched) otherwise.
 *
 *   uint32_t hdr[4];
 *   if (sfi_fetch(in, p, hdr, sizeof hdr) != SFI_OK) return -1; */
int sfi_fetch(sfi_instance *in, sfi_sptr src, void *dst, size_t n);
/* sfi_fetch, then ok(dst, n, ctx) on the host copy: the copy is what the
 * validator judged and what the caller gets, whatever the sandbox does to
 * its memory meanwhile. A nonzero result from ok accepts; on rejection
 * (or a bad range) dst is zeroed and SFI_ERR_INVALID returned.
 *
 *   static int hdr_ok(const void *c, size_t n, void *ctx) {
 *     const struct hdr *h = c; return h->w <= 16384 && h->h <= 16384;
 *   }
 *   struct hdr h;
 *   if (sfi_fetch_verify(in, p, &h, sizeof h, hdr_ok, NULL)) return -1;
 *   // h.w and h.h are checked and cannot change any more */
typedef int (*sfi_verify_fn)(const void *copy, size_t n, void *ctx);
int sfi_fetch_verify(sfi_instance *in, sfi_sptr src, void *dst, size_t n,
                     sfi_verify_fn ok, void *ctx);
/* Copies a NUL-terminated sandbox string into dst (cap bytes, cap >= 1)
 * reading each byte once; returns its length, or SFI_ERR_INVALID (dst
 * holds "") if it leaves mapped memory or has no NUL within cap bytes.
 * dst is always NUL-terminated, and strlen(dst) is the result.
 *
 *   char name[256];
 *   if (sfi_fetch_string(in, p, name, sizeof name) < 0) return -1; */
int sfi_fetch_string(sfi_instance *in, sfi_sptr src, char *dst, size_t cap);
/* Copies n host bytes into the sandbox at dst after checking the range
 * is writable (sfi_copy_in with a typed address).
 *
 *   if (sfi_store(in, buf, data, len) != SFI_OK) return -1; */
int sfi_store(sfi_instance *in, sfi_sptr dst, const void *src, size_t n);
/* sfi_malloc with a status, for code that must tell a trap from a full
 * heap: SFI_OK with the block in *out; SFI_ERR_NOMEM (the sandbox's malloc
 * returned NULL), SFI_ERR_INVALID (it returned memory that is not the
 * instance's, or out is NULL), SFI_ERR_NOTFOUND (no allocator), or the
 * code of the call (a trap in the sandbox's malloc; SFI_ERR_TRAPPED if the
 * instance trapped before). *out is SFI_SPTR_NULL on failure. sfi-bindgen's
 * macro wrappers use it for their string literals.
 *
 *   sfi_sptr buf;
 *   int rc = sfi_alloc(in, 4096, &buf);
 *   if (sfi_is_trap(rc)) sfi_instance_reset(in); */
int sfi_alloc(sfi_instance *in, uint64_t size, sfi_sptr *out);

/* ---- Programs --------------------------------------------------------------
 * Runs the module's main (its __sfi_start export, from the sandbox libc)
 * with the options' argv/envp; returns the exit status (0..255) or a
 * negative code (SFI_ERR_NOTFOUND for a library module, or a trap).
 *
 *   int st = sfi_run_main(in);
 *   if (st < 0) fprintf(stderr, "%s\n", sfi_errmsg()); */
int sfi_run_main(sfi_instance *in);

/* ---- Signal handling -------------------------------------------------------
 * The runtime installs its SIGSEGV/SIGBUS/SIGFPE/SIGILL/SIGTRAP handlers
 * (and SIGRTMIN+4 for time limits) on the first sfi_instance_new; signals
 * raised by host code go to the handlers that were there before.
 * sfi_signals_uninstall() puts those back; the next call into a sandbox
 * installs the runtime's again. Install your own handlers for these
 * signals before creating instances so that the runtime chains to them. */
/*
 *   sigaction(SIGSEGV, &mine, NULL);   // first: the runtime chains to it
 *   sfi_signals_install();             // optional: done on first use
 *   ...
 *   sfi_signals_uninstall();           // before unloading the host's own */
int sfi_signals_install(void);
void sfi_signals_uninstall(void);

#ifdef __cplusplus
}
#endif
#endif
