// Inline assembly is refused at its source line.
// RUN: %not %sfi-clang -O2 -c %s -o /dev/null 2>&1 | %FileCheck %s
// CHECK: inline-asm.c:6:20: error: libsfi: inline assembly is not allowed in sandboxed code
// CHECK-NOT: PLEASE submit a bug report
int f(int x) {
  __asm__ volatile("nop");
  return x;
}
