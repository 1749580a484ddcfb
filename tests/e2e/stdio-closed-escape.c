// stdio-closed-escape.c: the sandbox's descriptors must never reach the
// runtime's own files. The runtime keeps the module image in a memfd whose
// pages are mapped (shared) as the sandbox's code; if sfi-run starts with
// fd 0, 1 or 2 closed, that memfd can land on the sandbox's stdin, stdout or
// stderr, and a write through it rewrites the sandbox's code: here, a jump
// table entry becomes `mov edi,77; mov eax,60; syscall`, a raw exit(77)
// that no sandboxed code may make. Exit 77 means the sandbox escaped; 0
// means every attempt was refused or went to a harmless file.
// Also: sandbox fd numbers are its own, so 3..63 (unopened) must all fail.
// RUN: sfi-cc -O2 %s -o %t.so
// RUN: sfi-run %t.so 3 63 > %t.out; test $? -eq 0
// RUN: FileCheck %s --check-prefix=OPEN < %t.out
// OPEN: no escape
// RUN: sfi-run %t.so 0 2 >/dev/null; test $? -eq 0
// RUN: sfi-run %t.so 0 2 <&- >/dev/null; test $? -eq 0
// RUN: sfi-run %t.so 0 2 >&-; test $? -eq 0
// RUN: sfi-run %t.so 0 2 2>&- >/dev/null; test $? -eq 0
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

__attribute__((noinline)) int target(void) { return 1; }
int (*volatile fp)(void) = target;

int main(int argc, char **argv) {
  int lo = argc > 2 ? atoi(argv[1]) : 0, hi = argc > 2 ? atoi(argv[2]) : 2;
  /* The entry's offset in the image is its offset in the memfd. */
  long off = (long)(((uint64_t)(uintptr_t)fp & 0xffffffffu) - 0x100000);
  static const unsigned char code[] = {0xbf, 77, 0,    0, 0,   0xb8,
                                       60,   0,  0,    0, 0x0f, 0x05};
  for (int fd = lo; fd <= hi; fd++)
    if (lseek(fd, off, SEEK_SET) == off)
      (void)!write(fd, code, sizeof code);
  if (fp() != 1)
    return 1;
  printf("no escape\n");
  return 0;
}
