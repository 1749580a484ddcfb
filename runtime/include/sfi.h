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
 * and leave a readable message for sfi_errmsg() in thread-local storage. */
#ifndef SFI_H
#define SFI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

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
  SFI_TRAP_OOB = -20,        /* access outside mapped sandbox memory */
  SFI_TRAP_STACK = -21,      /* native or shadow stack exhausted */
  SFI_TRAP_DIV = -22,        /* integer division by zero or overflow */
  SFI_TRAP_ILLEGAL = -23,    /* illegal instruction, bad indirect call */
  SFI_TRAP_BREAK = -24,      /* int3: jump table padding, unreachable */
  SFI_TRAP_ABORT = -25,      /* abort(), assert, bad jmp_buf */
  SFI_TRAP_TIMEOUT = -26,    /* the instance's time limit ran out */
  SFI_TRAP_FPE = -27,        /* other floating-point exception */
} sfi_err;

/* A readable name for a code: sfi_strerror(SFI_TRAP_OOB) is
 * "out-of-bounds memory access". */
const char *sfi_strerror(int err);
/* The message of the last failure on this thread, with details (file,
 * offending value, trap address, sandbox backtrace). Never NULL. */
const char *sfi_errmsg(void);

/* ---- Values passed across the boundary -------------------------------- */
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
 * declares; pointer arguments arrive as sandbox addresses (uint64_t) and
 * must go through sfi_ptr()/sfi_copy_*() before use. It finds its instance
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
 */
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
 * or part of the system interface, or the load fails naming it. opts may be
 * NULL. */
sfi_module *sfi_module_load(const char *path, const sfi_import *imports,
                            const sfi_module_options *opts);
/* The same from memory (the bytes are copied). */
sfi_module *sfi_module_load_mem(const void *data, size_t size,
                                const sfi_import *imports,
                                const sfi_module_options *opts);
/* Frees a module; its instances must be freed first. */
void sfi_module_free(sfi_module *m);

/* ---- Instances ---------------------------------------------------------- */
typedef struct sfi_instance_options {
  uint64_t mem_limit;     /* max heap bytes; 0: the region's size */
  uint64_t shadow_stack;  /* shadow stack bytes; 0: 8 MiB */
  double time_limit;      /* seconds per outermost call; 0: none */
  const char *const *argv; /* for the system interface; may be NULL */
  const char *const *envp; /* may be NULL */
  /* Directories granted to the sandbox: host path and guest path pairs. */
  const char *const *dirs_host;
  const char *const *dirs_guest;
  int ndirs;
  int stdio_fds[3]; /* host fds for sandbox 0,1,2; -1 closes; {0,0,0}: 0,1,2 */
} sfi_instance_options;

/* Creates an instance in a fresh region and runs its constructors. */
sfi_instance *sfi_instance_new(sfi_module *m, const sfi_instance_options *o);
/* Puts the instance back to its just-loaded state (clears a trap). */
int sfi_instance_reset(sfi_instance *in);
void sfi_instance_free(sfi_instance *in);
/* The instance whose code is running on this thread (inside an import). */
sfi_instance *sfi_current(void);
/* Host data attached to an instance. */
void sfi_set_userdata(sfi_instance *in, void *data);
void *sfi_userdata(sfi_instance *in);

/* ---- Calls in ------------------------------------------------------------
 * Calls export `name` with arguments described by sig (see sfi_import) and
 * stores the result in *ret (may be NULL for "v"). Returns SFI_OK, or a trap
 * code with the details in sfi_errmsg(). After a trap the instance refuses
 * calls (SFI_ERR_TRAPPED) until sfi_instance_reset(). */
int sfi_call(sfi_instance *in, const char *name, const char *sig,
             const sfi_val *args, sfi_val *ret);
/* The same with a function address found before (sfi_lookup) or handed out
 * by the sandbox (a function pointer, checked to be a jump-table entry). */
uint64_t sfi_lookup(sfi_instance *in, const char *name);
int sfi_call_addr(sfi_instance *in, uint64_t fn, const char *sig,
                  const sfi_val *args, sfi_val *ret);
/* Nonzero if fn is an entry of the instance's jump table (a function
 * pointer the sandbox may legitimately hold). */
int sfi_is_funcptr(sfi_instance *in, uint64_t fn);
/* The status passed to exit() when a call returned SFI_ERR_EXIT. */
int sfi_exit_status(sfi_instance *in);

/* ---- Callbacks -----------------------------------------------------------
 * Gives the sandbox a function pointer to host function fn (signature as
 * for imports): returns a sandbox function pointer (a jump-table callback
 * slot whose target the sandbox cannot change), or 0 with sfi_errmsg(). */
uint64_t sfi_callback_new(sfi_instance *in, const char *sig, void *fn);
void sfi_callback_free(sfi_instance *in, uint64_t fnptr);

/* ---- Memory ----------------------------------------------------------------
 * sfi_ptr returns a host pointer to [addr, addr+len) if the whole range is
 * mapped sandbox memory (writable when write != 0), else NULL. Never trust
 * the bytes behind it: the sandbox may change them. */
void *sfi_ptr(sfi_instance *in, uint64_t addr, uint64_t len, int write);
/* Allocation with the sandbox's own malloc/free (the module must export
 * them, as every module linked with the sandbox libc does). 0 on failure. */
uint64_t sfi_malloc(sfi_instance *in, uint64_t size);
void sfi_free(sfi_instance *in, uint64_t addr);
int sfi_copy_in(sfi_instance *in, uint64_t dst, const void *src, size_t n);
int sfi_copy_out(sfi_instance *in, void *dst, uint64_t src, size_t n);
/* Copies a NUL-terminated sandbox string into dst (cap bytes); fails with
 * SFI_ERR_INVALID if it is not terminated within cap or leaves memory. */
int sfi_copy_string_out(sfi_instance *in, char *dst, size_t cap,
                        uint64_t src);
/* The region: base address, size, and bytes of heap in use. */
uint64_t sfi_region_base(sfi_instance *in);

/* ---- Programs --------------------------------------------------------------
 * Runs the module's main with the options' argv/envp; returns the exit
 * status (>= 0) or a negative trap code. */
int sfi_run_main(sfi_instance *in);

/* ---- Signal handling -------------------------------------------------------
 * The runtime installs its SIGSEGV/SIGBUS/SIGFPE/SIGILL/SIGTRAP handlers on
 * first use; signals raised by host code go to the handlers that were there
 * before. sfi_signals_uninstall() puts those back. */
int sfi_signals_install(void);
void sfi_signals_uninstall(void);

#ifdef __cplusplus
}
#endif
#endif
