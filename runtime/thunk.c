/* thunk.c: the small pieces of code the sandbox calls to leave it. A thunk
 * checks that the sandbox's native stack still has room for the host
 * function (the stack is size-aligned, so `rsp & (size-1)` is the headroom)
 * and is aligned, clears DF (refuses AC/TF), gives the host a sane floating-point
 * environment, and jumps to the host function. Import thunks sit in the region (loader.c), callback
 * thunks in host pages; both are written, then made read+exec. */
#include <string.h>
#include <sys/mman.h>

#include "internal.h"

#define THUNK_SIZE SFI_STUB_SIZE

/* A thunk is assembled from the pieces below, in this order:
 *   mov  %rsp, %r11; and $SIZE-1, %r11        headroom left on the stack
 *   cmp  $GUARD+RESERVE, %r11; jb trap
 *   and  $15, %r11d; cmp $8, %r11d; jne trap  rsp as after an aligned call
 *   pushfq; pop %r11; test $AC|DF|TF, %r11d; jz 1f
 *   test $AC|TF, %r11d; jne trap; cld; 1:     DF cleared; AC or TF: a trap
 *   (FP environment: host's, or the sandbox's with exceptions masked;
 *    the x87 stack emptied unless XINUSE says it is in its initial state)
 *   movabs $fn, %r11; jmp *%r11
 * trap: ud2
 * %r11 is free at a call boundary in the SysV ABI and carries no argument;
 * -8(%rsp) is below the stack pointer, free at a call. The sandbox chooses
 * every register and flag it calls with: the host function must not run
 * with DF, AC or TF set, a misaligned stack, or unmasked FP exceptions
 * (they would fault in host code, which the runtime cannot attribute).
 * popfq would clear AC and TF too, but costs ~12 ns per call here (cld
 * alone ~3 ns, pushfq and a test ~2 ns): only a hostile sandbox sets them,
 * and it gets a trap; cld runs only when DF is set. */
struct asm_buf {
  uint8_t *p;
  size_t n;
};

static void put(struct asm_buf *a, const uint8_t *b, size_t k) {
  memcpy(a->p + a->n, b, k);
  a->n += k;
}
#define PUT(a, ...)                                                            \
  do {                                                                         \
    static const uint8_t b_[] = {__VA_ARGS__};                                 \
    put(a, b_, sizeof b_);                                                     \
  } while (0)

static void put32(struct asm_buf *a, uint32_t v) { put(a, (uint8_t *)&v, 4); }

/* rel32 to thunk offset `to`, from the end of the field (+ `tail` bytes of
 * immediate after it). */
static void put_rel(struct asm_buf *a, int64_t to, int tail) {
  put32(a, (uint32_t)(int32_t)(to - (int64_t)(a->n + 4 + (size_t)tail)));
}

/* The checks; returns where the three rel32s to the trap are, for patching. */
static void put_checks(struct asm_buf *a, size_t fix[3]) {
  PUT(a, 0x49, 0x89, 0xe3);       /* mov %rsp, %r11 */
  PUT(a, 0x49, 0x81, 0xe3);       /* and $SIZE-1, %r11 */
  put32(a, (uint32_t)(SFI_NSTACK_SIZE - 1));
  PUT(a, 0x49, 0x81, 0xfb);       /* cmp $GUARD+RESERVE, %r11 */
  /* the low SFI_NSTACK_GUARD bytes of the aligned block are the guard */
  put32(a, (uint32_t)(SFI_NSTACK_GUARD + SFI_NSTACK_RESERVE));
  PUT(a, 0x0f, 0x82);             /* jb trap */
  fix[0] = a->n;
  put32(a, 0);
  PUT(a, 0x41, 0x83, 0xe3, 0x0f); /* and $15, %r11d */
  PUT(a, 0x41, 0x83, 0xfb, 0x08); /* cmp $8, %r11d */
  PUT(a, 0x0f, 0x85);             /* jne trap */
  fix[1] = a->n;
  put32(a, 0);
  PUT(a, 0x9c, 0x41, 0x5b);       /* pushfq; pop %r11 */
  PUT(a, 0x41, 0xf7, 0xc3, 0x00, 0x05, 0x04, 0x00); /* test $AC|DF|TF */
  PUT(a, 0x74, 0x0e);             /* jz 1f */
  PUT(a, 0x41, 0xf7, 0xc3, 0x00, 0x01, 0x04, 0x00); /* test $AC|TF */
  PUT(a, 0x0f, 0x85);             /* jne trap */
  fix[2] = a->n;
  put32(a, 0);
  PUT(a, 0xfc);                   /* cld; 1: */
}

/* Empties the x87 register stack for the host function (the sandbox may
 * leave MMX state or values on it). emms alone costs ~2.5 ns, but it marks
 * the x87 state in use (XINUSE[0]), so the call's return then
 * reinitializes it with xrstor (enter.S, 33-55 ns): a call in that made
 * one import cost ~90 ns instead of ~30. Where XGETBV(1) is usable, the
 * first SFI_X87_PROBES imports of each call in ask XINUSE instead
 * (~8 ns): 0 guarantees the initial state, all tags empty, and emms is
 * skipped; later imports of the same call use emms (an import loop then
 * pays the one xrstor on return, spread over its calls). Either way the
 * host function finds the x87 stack empty; the per-thread count
 * (sfi_thread.x87_probes, reset by every call in, reached through %fs,
 * which the sandbox cannot change) only chooses the cheaper path. rax,
 * rcx and rdx (arguments) are kept in r11 and below rsp (-16, -24: in
 * the red zone, which signal delivery skips). */
#define SFI_X87_PROBES 4
static void put_empty_x87(struct asm_buf *a) {
  if (!sfi__cpu_xinuse) {
    PUT(a, 0x0f, 0x77); /* emms */
    return;
  }
  int64_t tp = sfi__thread_tpoff(&sfi__thread_state.x87_probes);
  if (tp != (int32_t)tp) { /* not reachable as %fs:disp32: emms alone */
    PUT(a, 0x0f, 0x77);
    return;
  }
  int32_t d = (int32_t)tp;
  PUT(a, 0x64, 0x80, 0x3c, 0x25);       /* cmpb $PROBES, %fs:d */
  put32(a, (uint32_t)d);
  PUT(a, SFI_X87_PROBES);
  PUT(a, 0x73);                         /* jae 2f */
  size_t jae = a->n;
  PUT(a, 0x00);
  PUT(a, 0x64, 0xfe, 0x04, 0x25);       /* incb %fs:d */
  put32(a, (uint32_t)d);
  PUT(a, 0x48, 0x89, 0x44, 0x24, 0xf0); /* mov %rax, -16(%rsp) */
  PUT(a, 0x49, 0x89, 0xcb);             /* mov %rcx, %r11 */
  PUT(a, 0x48, 0x89, 0x54, 0x24, 0xe8); /* mov %rdx, -24(%rsp) */
  PUT(a, 0xb9, 0x01, 0x00, 0x00, 0x00); /* mov $1, %ecx */
  PUT(a, 0x0f, 0x01, 0xd0);             /* xgetbv: XINUSE in eax */
  PUT(a, 0xa8, 0x01);                   /* test $1, %al: x87 in use? */
  PUT(a, 0x74, 0x02);                   /* jz 1f */
  PUT(a, 0x0f, 0x77);                   /* emms */
  PUT(a, 0x4c, 0x89, 0xd9);             /* 1: mov %r11, %rcx */
  PUT(a, 0x48, 0x8b, 0x44, 0x24, 0xf0); /* mov -16(%rsp), %rax */
  PUT(a, 0x48, 0x8b, 0x54, 0x24, 0xe8); /* mov -24(%rsp), %rdx */
  PUT(a, 0xeb, 0x02);                   /* jmp 3f */
  a->p[jae] = (uint8_t)(a->n - (jae + 1));
  PUT(a, 0x0f, 0x77);                   /* 2: emms; 3: */
}
#define EMPTY_X87_MAX 63 /* what put_empty_x87 emits (review: was 59) */

/* The host's MXCSR control bits and x87 control word (at const_at from the
 * thunk's start), reloaded when the sandbox's differ; the x87 registers
 * emptied (the sandbox may leave MMX state). */
static void put_host_fp(struct asm_buf *a, int64_t const_at, int x87) {
  PUT(a, 0x0f, 0xae, 0x5c, 0x24, 0xf8); /* stmxcsr -8(%rsp) */
  PUT(a, 0x44, 0x8b, 0x5c, 0x24, 0xf8); /* mov -8(%rsp), %r11d */
  PUT(a, 0x41, 0x83, 0xe3, 0xc0);       /* and $~0x3f, %r11d: no flags */
  PUT(a, 0x44, 0x3b, 0x1d);             /* cmp mxcsr(%rip), %r11d */
  put_rel(a, const_at, 0);
  PUT(a, 0x74, 0x07);                   /* je 1f */
  PUT(a, 0x0f, 0xae, 0x15);             /* ldmxcsr mxcsr(%rip) */
  put_rel(a, const_at, 0);
  /* 1: no x87 exception flag the sandbox (or runtime code run for it)
   * set: a host function that unmasks one would take it as pending
   * (review call4c x87unmask); fnclex only when a flag is set (it costs
   * ~13 ns, fnstsw and a test ~1). Then the control word, even for a
   * module without x87 code: a system-interface call earlier in the same
   * call in may have masked it (review call4). */
  PUT(a, 0xdd, 0x7c, 0x24, 0xf8);       /* 1: fnstsw -8(%rsp) */
  PUT(a, 0xf6, 0x44, 0x24, 0xf8, 0x3f); /* testb $0x3f, -8(%rsp) */
  PUT(a, 0x74, 0x02);                   /* jz 3f */
  PUT(a, 0xdb, 0xe2);                   /* fnclex */
  PUT(a, 0xd9, 0x7c, 0x24, 0xf8);       /* 3: fnstcw -8(%rsp) */
  PUT(a, 0x44, 0x0f, 0xb7, 0x5c, 0x24, 0xf8); /* movzwl -8(%rsp), %r11d */
  PUT(a, 0x66, 0x44, 0x3b, 0x1d);       /* cmp fcw(%rip), %r11w */
  put_rel(a, const_at + 4, 0);
  PUT(a, 0x74, 0x06);                   /* je 2f */
  PUT(a, 0xd9, 0x2d);                   /* fldcw fcw(%rip) */
  put_rel(a, const_at + 4, 0);
  /* 2: the x87 stack emptied, unless the module has no x87/MMX code (the
   * verifier's SFI_USES_X87) and imports no runtime function that returns
   * a long double on it (loader.c): then nothing can be on it. */
  if (x87)
    put_empty_x87(a);
}

/* The sandbox's own FP environment (rounding, precision), but with every
 * exception masked in MXCSR and the x87 control word and the x87 registers
 * emptied: what the system interface and libm run under. */
static void put_masked_fp(struct asm_buf *a, int x87) {
  PUT(a, 0x0f, 0xae, 0x5c, 0x24, 0xf8);             /* stmxcsr -8(%rsp) */
  PUT(a, 0x44, 0x8b, 0x5c, 0x24, 0xf8);             /* mov -8(%rsp), %r11d */
  PUT(a, 0x41, 0xf7, 0xd3);                         /* not %r11d */
  PUT(a, 0x41, 0xf7, 0xc3, 0x80, 0x1f, 0x00, 0x00); /* test $0x1f80, %r11d */
  PUT(a, 0x74, 0x0d);                               /* jz 1f: all masked */
  PUT(a, 0x81, 0x4c, 0x24, 0xf8, 0x80, 0x1f, 0x00, 0x00); /* orl $0x1f80 */
  PUT(a, 0x0f, 0xae, 0x54, 0x24, 0xf8);             /* ldmxcsr -8(%rsp) */
  PUT(a, 0xd9, 0x7c, 0x24, 0xf8);                   /* 1: fnstcw -8(%rsp) */
  PUT(a, 0x44, 0x0f, 0xb7, 0x5c, 0x24, 0xf8);       /* movzwl ..., %r11d */
  PUT(a, 0x41, 0xf7, 0xd3);                         /* not %r11d */
  PUT(a, 0x41, 0xf7, 0xc3, 0x3f, 0x00, 0x00, 0x00); /* test $0x3f, %r11d */
  if (x87)
    PUT(a, 0x74, 0x0a);                             /* jz 2f */
  else
    PUT(a, 0x74, 0x0c);                             /* jz 2f (fnclex) */
  PUT(a, 0x66, 0x83, 0x4c, 0x24, 0xf8, 0x3f);       /* orw $0x3f, -8(%rsp) */
  /* Without x87 code the module's call in did not reset the x87 state: an
   * exception the host left pending (unmasked) would fire at the waiting
   * fldcw, here, as a sandbox trap. Drop the flags first, as the reset
   * would have (review call4). And the host's thunk reloading its control
   * word later would make flags this call's runtime code sets pending:
   * fnclex there too (put_host_fp; review call4b). */
  if (!x87)
    PUT(a, 0xdb, 0xe2);                             /* fnclex */
  PUT(a, 0xd9, 0x6c, 0x24, 0xf8);                   /* fldcw -8(%rsp) */
  /* 2: (the x87 stack is empty at a call anyway; nothing to empty if the
   * module has no x87/MMX instruction.) Runtime code run for a module
   * without x87 code may use the x87 unit (libm, printf's long double
   * formatting): the call's return then resets it (x87_dirty, enter.S;
   * review call4b: its flags, and register values a nested x87 module
   * could read). */
  if (x87) {
    put_empty_x87(a);
    return;
  }
  /* fits in 32 bits: checked by the loader */
  int32_t d = (int32_t)sfi__thread_tpoff(&sfi__thread_state.x87_dirty);
  PUT(a, 0x64, 0xc6, 0x04, 0x25);                   /* movb $1, %fs:d */
  put32(a, (uint32_t)d);
  PUT(a, 0x01);
}

/* Longest thunk: checks 63 + masked FP 67 + x87 EMPTY_X87_MAX + jump and
 * trap 15. */
_Static_assert(63 + 67 + EMPTY_X87_MAX + 15 <= THUNK_SIZE,
               "thunk larger than SFI_STUB_SIZE");
/* Host thunk: checks 63 + host FP 69 (with the flag test) + EMPTY_X87_MAX
 * + 15. */
_Static_assert(63 + 69 + EMPTY_X87_MAX + 15 <= THUNK_SIZE,
               "host thunk larger than SFI_STUB_SIZE");

static void put_jump(struct asm_buf *a, void *fn, const size_t fix[3]) {
  uint64_t target = (uint64_t)fn;
  PUT(a, 0x49, 0xbb); /* movabs $fn, %r11 */
  put(a, (uint8_t *)&target, 8);
  PUT(a, 0x41, 0xff, 0xe3); /* jmp *%r11 */
  for (int i = 0; i < 3; i++) {
    int32_t d = (int32_t)(a->n - (fix[i] + 4));
    memcpy(a->p + fix[i], &d, 4);
  }
  PUT(a, 0x0f, 0x0b); /* trap: ud2 */
}

/* For the system interface and libm: they run under the sandbox's own
 * rounding mode, as the same calls would in a native program. */
void sfi__thunk_emit_plain(uint8_t *t, void *fn, int x87) {
  struct asm_buf a = {t, 0};
  size_t fix[3];
  memset(t, 0xcc, THUNK_SIZE);
  put_checks(&a, fix);
  put_masked_fp(&a, x87);
  put_jump(&a, fn, fix);
}

/* For host-granted imports and callbacks: the host's FP environment. */
void sfi__thunk_emit(uint8_t *t, void *fn, int64_t const_rel, int x87) {
  struct asm_buf a = {t, 0};
  size_t fix[3];
  memset(t, 0xcc, THUNK_SIZE);
  put_checks(&a, fix);
  put_host_fp(&a, const_rel, x87);
  put_jump(&a, fn, fix);
}

/* The host's MXCSR (control bits only) and x87 control word, as the
 * loading thread has them: what host functions run under. */
void sfi__thunk_consts(uint8_t *at) {
  uint32_t mxcsr;
  uint16_t fcw;
  __asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
  __asm__ volatile("fnstcw %0" : "=m"(fcw));
  mxcsr &= ~0x3fu;
  memcpy(at, &mxcsr, 4);
  memcpy(at + 4, &fcw, 2);
}

/* n thunks followed by the constants, in host pages. */
void *sfi__thunks_make(void *const *fns, size_t n, size_t *size, int x87) {
  size_t sz = PAGE_UP(n * THUNK_SIZE + 8);
  uint8_t *p = mmap(NULL, sz, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED)
    return NULL;
  memset(p, 0xcc, sz);
  sfi__thunk_consts(p + sz - 8);
  for (size_t i = 0; i < n; i++)
    sfi__thunk_emit(p + i * THUNK_SIZE, fns[i],
                    (int64_t)(sz - 8 - i * THUNK_SIZE), x87);
  if (mprotect(p, sz, PROT_READ | PROT_EXEC) != 0) {
    munmap(p, sz);
    return NULL;
  }
  if (sfi__thunk_range_add((uint64_t)p, (uint64_t)p + sz) != 0) {
    munmap(p, sz);
    return NULL;
  }
  *size = sz;
  return p;
}

uint64_t sfi__thunk_addr(void *page, size_t i) {
  return (uint64_t)page + i * THUNK_SIZE;
}

/* Rewrites one thunk of pages owned by a single instance (callbacks); the
 * instance is not running on another thread, so nobody executes them
 * meanwhile. */
int sfi__thunk_set(void *page, size_t size, size_t i, void *fn, int x87) {
  if (mprotect(page, size, PROT_READ | PROT_WRITE) != 0)
    return -1;
  sfi__thunk_emit((uint8_t *)page + i * THUNK_SIZE, fn,
                  (int64_t)(size - 8 - i * THUNK_SIZE), x87);
  return mprotect(page, size, PROT_READ | PROT_EXEC);
}

void sfi__thunks_free(void *p, size_t size) {
  if (!p)
    return;
  sfi__thunk_range_del((uint64_t)p);
  munmap(p, size);
}
