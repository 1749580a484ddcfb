// exit-status.c: sfi-run exits with the program's status, whether main
// returns it or calls exit(); atexit handlers and buffered output run first.
// RUN: sfi-cc -O2 %s -o %t.so
// RUN: sfi-run %t.so; test $? -eq 0
// RUN: sfi-run %t.so return 42; test $? -eq 42
// RUN: sfi-run %t.so exit 7 | FileCheck %s --check-prefix=EXIT; test ${PIPESTATUS[0]} -eq 7
// RUN: sfi-run %t.so exit 255; test $? -eq 255
// RUN: sfi-run %t.so exit 256; test $? -eq 0
// EXIT: buffered before exit
// EXIT-NEXT: atexit ran
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void bye(void) { printf("atexit ran\n"); }

int main(int argc, char **argv) {
  if (argc < 3)
    return 0;
  int v = atoi(argv[2]);
  if (strcmp(argv[1], "return") == 0)
    return v;
  atexit(bye);
  printf("buffered before exit\n"); /* stdout is a pipe: fully buffered */
  exit(v);
}
