// setjmp/longjmp across frames goes through the runtime and restores the
// shadow stack; a forged jmp_buf and a stale one (its frame returned) trap.
// RUN: %bindir/sfi-cc -O2 %s -o %t.so
// RUN: %bindir/sfi-run %t.so 0 | %FileCheck %s --check-prefix=OK
// RUN: %not %bindir/sfi-run %t.so 1 2>&1 | %FileCheck %s --check-prefix=TRAP
// RUN: %not %bindir/sfi-run %t.so 2 2>&1 | %FileCheck %s --check-prefix=TRAP
// OK: caught 3 at depth 0, local=5
// OK-NEXT: done
// TRAP: sfi-run: trap:
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static jmp_buf env;
static int depth;
static void dive(int n) {
  char buf[32];
  snprintf(buf, sizeof buf, "%d", n);
  depth++;
  if (n == 3)
    longjmp(env, 3);
  dive(n + 1);
  depth--;
}
static jmp_buf stale;
static void leave_stale(void) { setjmp(stale); }
int main(int argc, char **argv) {
  int k = argc > 1 ? atoi(argv[1]) : 0;
  volatile int local = 5;
  if (k == 1) {
    memset(&env, 0x41, sizeof env); /* forged */
    longjmp(env, 1);
  }
  if (k == 2) {
    leave_stale();
    longjmp(stale, 1);
  }
  int r = setjmp(env);
  if (r == 0) {
    dive(0);
    printf("not reached\n");
  } else {
    depth = 0;
    printf("caught %d at depth %d, local=%d\n", r, depth, local);
  }
  printf("done\n");
  return 0;
}
