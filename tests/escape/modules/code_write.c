/* code_write.c: writes to code: a jump-table entry, a function body whose
 * real address the harness passes, and the image header/text found from the
 * linker's __ehdr_start. Code pages are read+exec: every write traps. */
#include "common.h"
PING
extern char __ehdr_start[];
__attribute__((noinline)) long victim(long x) { return x * 3 + 1; }
long attack(u64 t, long k) {
  switch (k) {
  case 0: *(volatile char *)(uintptr_t)&victim = (char)0xc3; break;
  case 1: *(volatile char *)(uintptr_t)t = (char)0xc3; break;
  case 2: *(volatile long *)__ehdr_start = 0; break;
  default: ((volatile char *)__ehdr_start)[k] = (char)0xcc; break;
  }
  return victim(1);
}
