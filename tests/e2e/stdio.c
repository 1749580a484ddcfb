// stdio.c: stdin, stdout and stderr pass through sfi-run: a pipe in, both
// output streams out, binary bytes (NUL, 0xff) intact, EOF seen.
// RUN: sfi-cc -O2 %s -o %t.so
// RUN: printf 'hello\nworld\n' | sfi-run %t.so 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=ERR < %t.err
// CHECK: HELLO
// CHECK-NEXT: WORLD
// CHECK-NEXT: lines=2 bytes=12 nul=0 ff=0
// ERR: stderr: done
// RUN: printf 'a\000b\377' | sfi-run %t.so | FileCheck %s --check-prefix=BIN
// BIN: lines=0 bytes=4 nul=1 ff=1
// Large input (1 MiB) crosses many buffer refills:
// RUN: head -c 1048576 /dev/zero | sfi-run %t.so | FileCheck %s --check-prefix=BIG
// BIG: lines=0 bytes=1048576 nul=1048576 ff=0
// (A closed stdin is stdio-closed-escape.c's business.)
#include <ctype.h>
#include <stdio.h>

int main(void) {
  long lines = 0, bytes = 0, nul = 0, ff = 0;
  int c, printable = 1;
  while ((c = getchar()) != EOF) {
    bytes++;
    nul += c == 0;
    ff += c == 0xff;
    lines += c == '\n';
    if (c != '\n' && !isprint(c))
      printable = 0;
    if (printable && bytes < 100)
      putchar(toupper(c));
  }
  printf("lines=%ld bytes=%ld nul=%ld ff=%ld\n", lines, bytes, nul, ff);
  fprintf(stderr, "stderr: done\n");
  return 0;
}
