// Naked functions are all assembly: refused.
// RUN: %not %sfi-clang -O2 -c %s -o /dev/null 2>&1 | %FileCheck %s
// CHECK: error: libsfi: {{.*}}naked functions are not allowed in sandboxed code
__attribute__((naked)) void f(void) { __asm__("ret"); }
