// Inline assembly is refused at its source line, except compiler barriers
// and hints that assemble to nothing or to pause/nop/fences (asm-barrier.c
// runs those).
// RUN: %not %sfi-clang -O2 -c %s -o /dev/null 2>&1 | %FileCheck %s
// CHECK: inline-asm.c:11:20: error: libsfi: inline assembly is not allowed in sandboxed code
// CHECK: inline-asm.c:12:20: error: libsfi: inline assembly is not allowed in sandboxed code
// CHECK: inline-asm.c:13:20: error: libsfi: inline assembly is not allowed in sandboxed code
// CHECK: inline-asm.c:10:5: error: libsfi: exceptions and asm goto are not supported
// CHECK-NOT: PLEASE submit a bug report
int f(int x) {
  __asm__ volatile("movl $1, %0" : "=r"(x));
  __asm__ volatile("pause; syscall");
  __asm__ volatile("rep; movsb");
  __asm__ goto("" ::: "memory" : out);
  return x;
out:
  return 0;
}
