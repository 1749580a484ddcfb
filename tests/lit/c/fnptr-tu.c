// Function pointers work across translation units compiled separately:
// both take the address of add1 through the COMDAT jump-table entry, so the
// pointers compare equal and calls through either work.
// RUN: %bindir/sfi-cc -O2 -c %s -o %t.a.o
// RUN: %bindir/sfi-cc -O0 -c %S/Inputs/table.c -o %t.b.o
// RUN: %bindir/sfi-cc %t.a.o %t.b.o -o %t.so
// RUN: %bindir/sfi-run %t.so | %FileCheck %s
// RUN: llvm-objdump -d -j sfi_jt %t.so | %FileCheck %s --check-prefix=TABLE
// CHECK: equal=1 call=42 call2=8
// TABLE: <__sfi_jt.add1>:
// TABLE-NEXT: e9 {{.*}} jmp
// TABLE-NEXT: 90 nop
// TABLE-NEXT: cc int3
#include <stdio.h>
int add1(int x) { return x + 1; }
int (*other_ptr(void))(int);
int call_through(int (*f)(int), int v);
int main(void) {
  int (*mine)(int) = add1;
  printf("equal=%d call=%d call2=%d\n", mine == other_ptr(), call_through(mine, 41),
         other_ptr()(7));
  return 0;
}
