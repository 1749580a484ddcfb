// -flto (full): the pass runs on each object before the link, and the
// plugin's verifier re-checks the merged module after link-time
// optimization. sfi-cc links bitcode only from its own compile in the same
// command (it cannot re-check bitcode made elsewhere), so LTO builds compile
// and link in one sfi-cc command. Function pointers still work across
// translation units.
// RUN: %bindir/sfi-cc -O2 -flto %s %S/Inputs/table.c -o %t.so
// RUN: %bindir/sfi-run %t.so | %FileCheck %s
// RUN: %bindir/sfi-cc -O2 -flto=full %s %S/Inputs/table.c -o %t.full.so
// RUN: %bindir/sfi-run %t.full.so | %FileCheck %s
// A bitcode object from a separate compile, even sfi-cc's own, is refused
// by name, and so is one that did not go through the pass.
// RUN: %bindir/sfi-cc -O2 -flto -c %s -o %t.a.o
// RUN: %not %bindir/sfi-cc %t.a.o %S/Inputs/table.c -o %t.bad.so 2>&1 | %FileCheck %s --check-prefix=BAD
// RUN: %clang -O2 -flto -c %S/Inputs/table.c -o %t.plain.o
// RUN: %not %bindir/sfi-cc %s %t.plain.o -o %t.bad.so 2>&1 | %FileCheck %s --check-prefix=PLAIN
// RUN: rm -f %t.lib.a && llvm-ar rcs %t.lib.a %t.plain.o
// RUN: %not %bindir/sfi-cc %s %t.lib.a -o %t.bad.so 2>&1 | %FileCheck %s --check-prefix=MEMBER
// ThinLTO is refused: after a ThinLTO link the IR verifier never runs.
// RUN: %not %bindir/sfi-cc -O2 -flto=thin %s %S/Inputs/table.c -o %t.thin.so 2>&1 | %FileCheck %s --check-prefix=THIN
// CHECK: equal=1 call=42 call2=8
// BAD: sfi-cc: error: {{.*}}a.o: LLVM bitcode (an -flto object) made outside this sfi-cc command, which sfi-cc cannot re-check
// PLAIN: sfi-cc: error: {{.*}}plain.o: LLVM bitcode (an -flto object) made outside this sfi-cc command
// MEMBER: sfi-cc: error: {{.*}}lib.a: member {{.*}}: LLVM bitcode
// THIN: sfi-cc: error: '-flto=thin' is not supported for sandboxed code: after a ThinLTO link the IR verifier never runs
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
