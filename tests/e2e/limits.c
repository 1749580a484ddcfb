// limits.c: --mem-limit caps the memory the program can make resident
// (data, bss, shadow stack and heap together: malloc returns NULL past it,
// the program goes on), and --time-limit stops an endless loop with exit 124
// and a report, as sfi-run documents. The shadow stack takes an eighth of a
// limit under 64 MiB (2 MiB of 16), else 8 MiB.
// RUN: sfi-cc -O2 %s -o %t.so
// RUN: sfi-run --mem-limit 16M %t.so mem | FileCheck %s --check-prefix=MEM16
// MEM16: big malloc(64 MiB): NULL
// MEM16-NEXT: got {{([89]|1[0-3])}} MiB in 1 MiB blocks, then NULL
// MEM16-NEXT: after free: malloc(1 MiB) ok
// RUN: sfi-run --mem-limit=64m %t.so mem | FileCheck %s --check-prefix=MEM64
// MEM64: big malloc(64 MiB): NULL
// MEM64-NEXT: got {{(4[8-9]|5[0-5])}} MiB in 1 MiB blocks, then NULL
// Without a limit the same program gets its 64 MiB block (and stops at its
// own cap of 256 blocks).
// RUN: sfi-run %t.so mem | FileCheck %s --check-prefix=NOLIM
// NOLIM: big malloc(64 MiB): ok
// NOLIM-NEXT: got 256 MiB in 1 MiB blocks, then the program's own cap
//
// RUN: sfi-run --time-limit 0.5 %t.so spin > %t.out 2> %t.err; test $? -eq 124
// RUN: FileCheck %s --check-prefix=SPIN < %t.out
// RUN: FileCheck %s --check-prefix=TIMEOUT < %t.err
// SPIN: spinning
// TIMEOUT: sfi-run: trap: {{.*}}time limit
// TIMEOUT-SAME: in spin_forever
// A program that finishes in time is not disturbed by the limit.
// RUN: sfi-run --time-limit 5 %t.so quick; test $? -eq 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static void spin_forever(void) {
  volatile unsigned long x = 0;
  for (;;)
    x++;
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "spin")) {
    printf("spinning\n");
    fflush(stdout);
    spin_forever();
  }
  if (argc > 1 && !strcmp(argv[1], "quick"))
    return 0;
  /* volatile: clang may otherwise drop a malloc that is only freed. */
  char *volatile big = malloc(64u << 20);
  printf("big malloc(64 MiB): %s\n", big ? "ok" : "NULL");
  free(big);
  static char *blocks[256];
  int n = 0;
  while (n < 256 && (blocks[n] = malloc(1u << 20)) != NULL) {
    memset(blocks[n], n, 1u << 20); /* touch it: really there */
    n++;
  }
  printf("got %d MiB in 1 MiB blocks, then %s\n", n,
         n == 256 ? "the program's own cap" : "NULL");
  for (int i = 0; i < n; i++)
    if (blocks[i][12345] != (char)i)
      return 3;
  for (int i = 0; i < n; i++)
    free(blocks[i]);
  char *volatile again = malloc(1u << 20);
  printf("after free: malloc(1 MiB) %s\n", again ? "ok" : "NULL");
  return again ? 0 : 1;
}
