/* jmpbuf_stale.c: longjmp to the jmp_buf of a function that has returned.
 * set_here() records a context and returns; deep() then builds a larger
 * native frame over that stack area, fills it with v (a host code address)
 * and longjmps: resuming set_here() would pop v as its return address. The
 * runtime must refuse a context whose frame is gone (SFI_TRAP_ABORT). */
#include <setjmp.h>
#include "common.h"
PING
static jmp_buf jb;
__attribute__((noinline)) static long set_here(void) {
  if (setjmp(jb))
    return 1;
  return 0;
}
__attribute__((noinline)) static long shallow(void) {
  static volatile long sink;
  long r = set_here();
  sink = r;
  return r + 1;
}
__attribute__((noinline)) static void jump(void) { longjmp(jb, 1); }
#define F4(i) l[i] = v; l[i + 1] = v; l[i + 2] = v; l[i + 3] = v;
#define F16(i) F4(i) F4(i + 4) F4(i + 8) F4(i + 12)
__attribute__((noinline)) static long deep(u64 v) {
  volatile u64 l[64];
  F16(0) F16(16) F16(32) F16(48)
  jump();
  return (long)l[3];
}
long attack(u64 v, long unused) {
  (void)unused;
  long r = shallow();
  if (r == 2) /* second return from set_here, via a stale longjmp */
    return 1000;
  return deep(v);
}
