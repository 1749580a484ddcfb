// gc-sections.c: a common Makefile link flag, -Wl,--gc-sections (with
// -ffunction-sections), must still give a working module. lld 22 then
// garbage-collects the sfi_jt section's __start/__stop symbols that the
// crt and libc use ("undefined hidden symbol: __start_sfi_jt") unless the
// link has -z nostart-stop-gc, which sfi-cc does not add (yet).
// RUN: sfi-cc -O2 -ffunction-sections -fdata-sections %s -Wl,--gc-sections -o %t.so
// RUN: sfi-run %t.so | FileCheck %s
// CHECK: via pointer 42
#include <stdio.h>

static int answer(void) { return 42; }
int (*volatile fp)(void) = answer;
int unused_function(void) { return 7; }

int main(void) {
  printf("via pointer %d\n", fp());
  return 0;
}
