/* thunk.c: the small pieces of host code the sandbox calls to leave it. A
 * thunk checks that the sandbox's native stack still has room for the host
 * function (the stack is size-aligned, so `rsp & (size-1)` is the headroom)
 * and jumps to it. Pages are written, then made read+exec: never both. */
#include <string.h>
#include <sys/mman.h>

#include "internal.h"

#define THUNK_SIZE SFI_STUB_SIZE

/*   mov  %rsp, %r11           49 89 e3
 *   and  $SIZE-1, %r11        49 81 e3 imm32
 *   cmp  $RESERVE, %r11       49 81 fb imm32
 *   jb   1f                   72 0d
 *   movabs $fn, %r11          49 bb imm64
 *   jmp  *%r11                41 ff e3
 * 1: ud2                      0f 0b      (trap: stack exhausted)
 * %r11 is free at a call boundary in the SysV ABI and carries no argument. */
void sfi__thunk_emit(uint8_t *t, void *fn) {
  static const uint8_t tmpl[] = {
      0x49, 0x89, 0xe3, 0x49, 0x81, 0xe3, 0,    0,    0,    0,   0x49, 0x81,
      0xfb, 0,    0,    0,    0,    0x72, 0x0d, 0x49, 0xbb, 0,   0,    0,
      0,    0,    0,    0,    0,    0x41, 0xff, 0xe3, 0x0f, 0x0b};
  uint32_t mask = (uint32_t)(SFI_NSTACK_SIZE - 1);
  /* the low SFI_NSTACK_GUARD bytes of the aligned block are the guard */
  uint32_t reserve = (uint32_t)(SFI_NSTACK_GUARD + SFI_NSTACK_RESERVE);
  uint64_t target = (uint64_t)fn;
  memset(t, 0xcc, THUNK_SIZE);
  memcpy(t, tmpl, sizeof tmpl);
  memcpy(t + 6, &mask, 4);
  memcpy(t + 13, &reserve, 4);
  memcpy(t + 21, &target, 8);
}

void *sfi__thunks_make(void *const *fns, size_t n, size_t *size) {
  size_t sz = PAGE_UP(n ? n * THUNK_SIZE : 1);
  uint8_t *p = mmap(NULL, sz, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED)
    return NULL;
  memset(p, 0xcc, sz);
  for (size_t i = 0; i < n; i++)
    sfi__thunk_emit(p + i * THUNK_SIZE, fns[i]);
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

/* Rewrites one thunk of a page owned by a single instance (callbacks); the
 * instance is not running, so nobody executes the page meanwhile. */
int sfi__thunk_set(void *page, size_t i, void *fn) {
  if (mprotect(page, SFI_PAGE, PROT_READ | PROT_WRITE) != 0)
    return -1;
  sfi__thunk_emit((uint8_t *)page + i * THUNK_SIZE, fn);
  return mprotect(page, SFI_PAGE, PROT_READ | PROT_EXEC);
}

void sfi__thunks_free(void *p, size_t size) {
  if (!p)
    return;
  sfi__thunk_range_del((uint64_t)p);
  munmap(p, size);
}
