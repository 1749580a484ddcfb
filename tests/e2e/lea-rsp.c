// lea-rsp.c: an epilogue that shrink-wrapping puts between a test and its
// branch adjusts %rsp with lea (which keeps the flags) instead of add:
// `leaq 8(%rsp), %rsp` is a stack adjustment, not a native frame address,
// and the module builds, passes the verifier and runs.
// RUN: sfi-cc -O2 -DPART=1 -c %s -o %t.set.o
// RUN: llvm-objdump-22 -d --no-show-raw-insn %t.set.o | FileCheck %s
// CHECK: leaq 0x8(%rsp), %rsp
// RUN: sfi-cc -O2 -DPART=2 -c %s -o %t.main.o
// RUN: sfi-cc %t.set.o %t.main.o -o %t.so
// RUN: sfi-run %t.so | FileCheck %s --check-prefix=OUT
// OUT: -29 -29 0 0 33
struct ctx { int pad[7]; unsigned e; };
#if PART == 1
extern int pred(int);
int set(struct ctx *c, unsigned e) {
  if (e > 255 || (e != 0 && !pred(e)))
    return -29;
  c->e = e;
  return 0;
}
#else
#include <stdio.h>
int set(struct ctx *c, unsigned e);
int pred(int x) { return x % 3 == 0; }
int main(void) {
  struct ctx c = {{0}, 0};
  int a = set(&c, 300), b = set(&c, 4), d = set(&c, 0), e = set(&c, 33);
  printf("%d %d %d %d %u\n", a, b, d, e, c.e);
  return 0;
}
#endif
