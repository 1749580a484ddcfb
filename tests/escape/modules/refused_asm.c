/* refused_asm.c: inline assembly (a raw write system call) and a __seg_fs
 * pointer to the host's thread block: the pass must refuse both at compile
 * time, since neither can be made safe. */
#include "common.h"
PING
long attack(u64 t, long v) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(1L), "D"(1L), "S"(t), "d"(v)
                   : "rcx", "r11", "memory");
  return r + *(volatile long __seg_fs *)0;
}
