// Module-level (file-scope) assembly is refused, naming the file.
// RUN: %not %sfi-clang -O2 -c %s -o /dev/null 2>&1 | %FileCheck %s
// CHECK: error: libsfi: {{.*}}module-asm.c: module-level assembly is not allowed in sandboxed code
__asm__(".globl evil\nevil: ret");
int f(int x) { return x; }
