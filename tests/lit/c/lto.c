// -flto and -flto=thin: the pass runs on each object before the link
// (objects are bitcode, marked by a module flag that sfi-cc checks), and the
// plugin's verifier re-checks the merged module after link-time
// optimization. Function pointers still work across translation units.
// RUN: %bindir/sfi-cc -O2 -flto -c %s -o %t.a.o
// RUN: %bindir/sfi-cc -O2 -flto -c %S/Inputs/table.c -o %t.b.o
// RUN: %bindir/sfi-cc -flto %t.a.o %t.b.o -o %t.so
// RUN: %bindir/sfi-run %t.so | %FileCheck %s
// RUN: %bindir/sfi-cc -O2 -flto=thin %s %S/Inputs/table.c -o %t.thin.so
// RUN: %bindir/sfi-run %t.thin.so | %FileCheck %s
// A bitcode object that did not go through the pass is refused by name.
// RUN: %clang -O2 -flto -c %S/Inputs/table.c -o %t.plain.o
// RUN: %not %bindir/sfi-cc %t.a.o %t.plain.o -o %t.bad.so 2>&1 | %FileCheck %s --check-prefix=BAD
// CHECK: equal=1 call=42 call2=8
// BAD: sfi-cc: error: {{.*}}plain.o: not sandboxed: LLVM bitcode without the libsfi module flag
#include <stdio.h>
int add1(int x) { return x + 1; }
int (*other_ptr(void))(int);
int call_through(int (*f)(int), int v);
int main(void) {
  int (*mine)(int) = add1;
  printf("equal=%d call=%d call2=%d\n", mine == other_ptr(),
         call_through(mine, 41), other_ptr()(7));
  return 0;
}
