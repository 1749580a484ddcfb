// tail-got.c: with -fno-plt a call loads its callee from the GOT; when
// the load is kept in a register for a tail call (`mov out@GOTPCREL(%rip),
// %rbx` ... `jmp *%rax`), the register holds the function, not a jump-table
// entry, and a confined `jmp *%rax` would land on the wrong entry (cJSON's
// Unity and liblzma's lzma_free tail calls trapped so). The pass folds the
// load back into the tail call, `jmp *out@GOTPCREL(%rip)`, which the linker
// makes a direct jump. The function is in its own object, as in the
// packages, and prints what the native build prints.
// RUN: sfi-cc -O2 -DPART=1 -c %s -o %t.begin.o
// RUN: llvm-objdump-22 -dr --no-show-raw-insn %t.begin.o | FileCheck %s --check-prefix=ASM
// ASM-LABEL: <begin>:
// ASM-NOT: jmpq *%r
// ASM: jmpq *(%rip)
// ASM-NEXT: R_X86_64_GOTPCRELX out
// RUN: sfi-cc -O2 -DPART=2 -c %s -o %t.main.o
// RUN: sfi-cc %t.begin.o %t.main.o -o %t.so
// RUN: sfi-run %t.so | FileCheck %s
// CHECK: file.c:1234:test_name:
// CHECK-NEXT: file.c:-7:test_name:
#if PART == 1
extern int out(int c);
extern void print(const char *s);
struct state { const char *file; long line; const char *name; };
extern struct state S;
void begin(const char *file, long line) {
  print(file);
  out(':');
  if (line < 0) { out('-'); line = -line; }
  long d = 1;
  while (line / d > 9) d *= 10;
  while (d) { out('0' + (int)(line / d % 10)); d /= 10; }
  out(':');
  print(S.name);
  out(':');
}
#else
#include <stdio.h>
struct state { const char *file; long line; const char *name; };
struct state S = {"file.c", 0, "test_name"};
int out(int c) { return putchar(c); }
void print(const char *s) { fputs(s, stdout); }
void begin(const char *file, long line);
int main(void) {
  begin("file.c", 1234);
  putchar('\n');
  begin("file.c", -7);
  putchar('\n');
  return 0;
}
#endif
