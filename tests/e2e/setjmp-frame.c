// setjmp-frame.c: longjmp back into a frame that, after its setjmp, wrote
// native stack slots which held stale return addresses of earlier calls
// (libpng's pngtest: "the frame of its setjmp has returned"), directly and
// through a pointer to longjmp (libpng's png_set_longjmp_fn); two jmp_bufs
// set in one frame. The runtime's check (rule E3) stays: a longjmp into a
// frame that has returned is refused (tests/escape jmpbuf_*).
// RUN: sfi-cc -O2 %s -o %t.so && sfi-run %t.so | FileCheck %s
// RUN: sfi-cc -O0 %s -o %t0.so && sfi-run %t0.so | FileCheck %s
// RUN: sfi-cc -O2 -S %s -o - | FileCheck %s --check-prefix=ASM
#include <setjmp.h>
#include <stdio.h>

static jmp_buf ja, jb;
static void (*volatile ljp)(jmp_buf, int) = longjmp;

__attribute__((noinline)) static long work(long x) { return x * 3 + 1; }
// leaves return addresses of its calls in the stack below its caller
__attribute__((noinline)) static long deep(int n) {
  return n ? work(deep(n - 1)) + work(n) : 0;
}
__attribute__((noinline)) static void fail(int how) {
  if (how == 1)
    ljp(ja, 7);
  else if (how == 2)
    ljp(jb, 9);
  longjmp(ja, 8);
}
// ASM-LABEL: frame:
// ASM: subq $[[N:[0-9]+]], %rsp
// ASM-NEXT: movq $0, (%rsp)
// ASM-NEXT: movq $0, 8(%rsp)
__attribute__((noinline)) static int frame(int how) {
  volatile long slots[48]; // not written before setjmp: stale words
  int r = setjmp(ja);
  if (r)
    return r;
  if ((r = setjmp(jb)))
    return -r;
  for (int i = 0; i < 48; i++)
    slots[i] = i;
  fail(how);
  return (int)slots[3];
}
// CHECK: longjmp 0: 8
// CHECK-NEXT: longjmp 1: 7
// CHECK-NEXT: longjmp 2: -9
int main(void) {
  for (int how = 0; how < 3; how++) {
    deep(60);
    printf("longjmp %d: %d\n", how, frame(how));
  }
  return 0;
}
