/* thunk.c: the small pieces of code the sandbox calls to leave it. A thunk
 * checks that the sandbox's native stack still has room for the host
 * function (the stack is size-aligned, so `rsp & (size-1)` is the headroom),
 * gives the host its own floating-point environment back, and jumps to the
 * host function. Import thunks sit in the region (loader.c), callback
 * thunks in host pages; both are written, then made read+exec. */
#include <string.h>
#include <sys/mman.h>

#include "internal.h"

#define THUNK_SIZE SFI_STUB_SIZE

/*  0: mov  %rsp, %r11             49 89 e3
 *  3: and  $SIZE-1, %r11          49 81 e3 imm32
 * 10: cmp  $GUARD+RESERVE, %r11   49 81 fb imm32
 * 17: jb   trap                   72 47
 * 19: stmxcsr -8(%rsp)            0f ae 5c 24 f8
 * 24: mov  -8(%rsp), %r11d        44 8b 5c 24 f8
 * 29: and  $~0x3f, %r11d          41 83 e3 c0     (ignore sticky flags)
 * 33: cmp  mxcsr(%rip), %r11d     44 3b 1d rel32
 * 40: je   1f                     74 07
 * 42: ldmxcsr mxcsr(%rip)         0f ae 15 rel32
 * 49: fnstcw -8(%rsp)             d9 7c 24 f8
 * 53: movzwl -8(%rsp), %r11d      44 0f b7 5c 24 f8
 * 59: cmp  fcw(%rip), %r11w       66 44 3b 1d rel32
 * 67: je   2f                     74 06
 * 69: fldcw fcw(%rip)             d9 2d rel32
 * 75: emms                        0f 77   (x87 registers empty again)
 * 77: movabs $fn, %r11            49 bb imm64
 * 87: jmp  *%r11                  41 ff e3
 * 90: ud2                         0f 0b   (trap: native stack exhausted)
 * %r11 is free at a call boundary in the SysV ABI and carries no argument;
 * -8(%rsp) is below the stack pointer, free at a call. The sandbox may have
 * changed the rounding mode or left MMX/x87 state dirty; the host function
 * must not run under it. mxcsr/fcw are the host's values, stored at
 * const_rel bytes from the thunk's start (sfi__thunk_consts). */
/* The same without the floating-point part, for the system interface and
 * libm: they run under the sandbox's own FP environment, as the same calls
 * would in a native program, and leave no host state behind.
 *  0: mov %rsp,%r11; and; cmp; jb trap (72 0d); movabs $fn,%r11; jmp *%r11;
 * 32: ud2 */
static void emit_plain(uint8_t *t, void *fn) {
  static const uint8_t tmpl[] = {
      0x49, 0x89, 0xe3, 0x49, 0x81, 0xe3, 0,    0,    0,    0,   0x49, 0x81,
      0xfb, 0,    0,    0,    0,    0x72, 0x0d, 0x49, 0xbb, 0,   0,    0,
      0,    0,    0,    0,    0,    0x41, 0xff, 0xe3, 0x0f, 0x0b};
  uint32_t mask = (uint32_t)(SFI_NSTACK_SIZE - 1);
  uint32_t reserve = (uint32_t)(SFI_NSTACK_GUARD + SFI_NSTACK_RESERVE);
  uint64_t target = (uint64_t)fn;
  memset(t, 0xcc, THUNK_SIZE);
  memcpy(t, tmpl, sizeof tmpl);
  memcpy(t + 6, &mask, 4);
  memcpy(t + 13, &reserve, 4);
  memcpy(t + 21, &target, 8);
}

void sfi__thunk_emit_plain(uint8_t *t, void *fn) { emit_plain(t, fn); }

void sfi__thunk_emit(uint8_t *t, void *fn, int64_t const_rel) {
  static const uint8_t tmpl[] = {
      0x49, 0x89, 0xe3, 0x49, 0x81, 0xe3, 0,    0,    0,    0,    0x49, 0x81,
      0xfb, 0,    0,    0,    0,    0x72, 0x47, 0x0f, 0xae, 0x5c, 0x24, 0xf8,
      0x44, 0x8b, 0x5c, 0x24, 0xf8, 0x41, 0x83, 0xe3, 0xc0, 0x44, 0x3b, 0x1d,
      0,    0,    0,    0,    0x74, 0x07, 0x0f, 0xae, 0x15, 0,    0,    0,
      0,    0xd9, 0x7c, 0x24, 0xf8, 0x44, 0x0f, 0xb7, 0x5c, 0x24, 0xf8, 0x66,
      0x44, 0x3b, 0x1d, 0,    0,    0,    0,    0x74, 0x06, 0xd9, 0x2d, 0,
      0,    0,    0,    0x0f, 0x77, 0x49, 0xbb, 0,    0,    0,    0,    0,
      0,    0,    0,    0x41, 0xff, 0xe3, 0x0f, 0x0b};
  _Static_assert(sizeof tmpl == 92 && sizeof tmpl <= THUNK_SIZE, "layout");
  uint32_t mask = (uint32_t)(SFI_NSTACK_SIZE - 1);
  /* the low SFI_NSTACK_GUARD bytes of the aligned block are the guard */
  uint32_t reserve = (uint32_t)(SFI_NSTACK_GUARD + SFI_NSTACK_RESERVE);
  uint64_t target = (uint64_t)fn;
  int32_t d;
  memset(t, 0xcc, THUNK_SIZE);
  memcpy(t, tmpl, sizeof tmpl);
  memcpy(t + 6, &mask, 4);
  memcpy(t + 13, &reserve, 4);
  d = (int32_t)(const_rel - 40);
  memcpy(t + 36, &d, 4);
  d = (int32_t)(const_rel - 49);
  memcpy(t + 45, &d, 4);
  d = (int32_t)(const_rel + 4 - 67);
  memcpy(t + 63, &d, 4);
  d = (int32_t)(const_rel + 4 - 75);
  memcpy(t + 71, &d, 4);
  memcpy(t + 79, &target, 8);
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
void *sfi__thunks_make(void *const *fns, size_t n, size_t *size) {
  size_t sz = PAGE_UP(n * THUNK_SIZE + 8);
  uint8_t *p = mmap(NULL, sz, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED)
    return NULL;
  memset(p, 0xcc, sz);
  sfi__thunk_consts(p + sz - 8);
  for (size_t i = 0; i < n; i++)
    sfi__thunk_emit(p + i * THUNK_SIZE, fns[i],
                    (int64_t)(sz - 8 - i * THUNK_SIZE));
  if (mprotect(p, sz, PROT_READ | PROT_EXEC) != 0) {
    munmap(p, sz);
    return NULL;
  }
  sfi__thunk_range_add((uint64_t)p, (uint64_t)p + sz);
  *size = sz;
  return p;
}

uint64_t sfi__thunk_addr(void *page, size_t i) {
  return (uint64_t)page + i * THUNK_SIZE;
}

/* Rewrites one thunk of pages owned by a single instance (callbacks); the
 * instance is not running on another thread, so nobody executes them
 * meanwhile. */
int sfi__thunk_set(void *page, size_t size, size_t i, void *fn) {
  if (mprotect(page, size, PROT_READ | PROT_WRITE) != 0)
    return -1;
  sfi__thunk_emit((uint8_t *)page + i * THUNK_SIZE, fn,
                  (int64_t)(size - 8 - i * THUNK_SIZE));
  return mprotect(page, size, PROT_READ | PROT_EXEC);
}

void sfi__thunks_free(void *p, size_t size) {
  if (!p)
    return;
  sfi__thunk_range_del((uint64_t)p);
  munmap(p, size);
}
