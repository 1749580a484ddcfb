// time-limit-blocked.c: --time-limit bounds the run even while the program
// waits in a system-interface call (here: a read of a stdin that stays open
// and silent for 5 s). sfi-run documents 124 "as timeout(1)", which bounds
// wall-clock time; a program must not outlive its limit by blocking.
// RUN: sfi-cc -O2 %s -o %t.so
// RUN: (sleep 5 | sfi-run --time-limit 0.5 %t.so > %t.out 2> %t.err; echo $? > %t.rc) ; test "$(cat %t.rc)" -eq 124
// RUN: FileCheck %s < %t.err
// CHECK: sfi-run: trap: {{.*}}time limit
#include <stdio.h>

int main(void) {
  int c = getchar();
  printf("read returned %d after the time limit\n", c);
  return 0;
}
