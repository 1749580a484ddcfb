// Inline assembly is refused at its source line, except compiler barriers
// and hints that assemble to nothing or to pause/nop/fences/CPU queries/
// alignment (asm-barrier.c runs those); a carriage return ends a comment
// and a statement for the assembler, so it cannot hide one (review), nor
// can an alignment with a fill value.
// RUN: %not %sfi-clang -O2 -c %s -o /dev/null 2>&1 | %FileCheck %s
// CHECK: inline-asm.c:16:20: error: libsfi: inline assembly is not allowed in sandboxed code
// CHECK: inline-asm.c:17:20: error: libsfi: inline assembly is not allowed in sandboxed code
// CHECK: inline-asm.c:18:20: error: libsfi: inline assembly is not allowed in sandboxed code
// CHECK: inline-asm.c:19:20: error: libsfi: inline assembly is not allowed in sandboxed code
// CHECK: inline-asm.c:20:20: error: libsfi: inline assembly is not allowed in sandboxed code
// CHECK: inline-asm.c:21:20: error: libsfi: inline assembly is not allowed in sandboxed code
// CHECK: inline-asm.c:15:5: error: libsfi: exceptions and asm goto are not supported
// CHECK-NOT: PLEASE submit a bug report
int f(int x) {
  __asm__ volatile("movl $1, %0" : "=r"(x));
  __asm__ volatile("pause; syscall");
  __asm__ volatile("rep; movsb");
  __asm__ volatile("cpuid # \r movq $0x41,(%rdi)");
  __asm__ volatile(".p2align 4, 0xcc");
  __asm__ volatile(".p2align 12");
  __asm__ goto("" ::: "memory" : out);
  return x;
out:
  return 0;
}
