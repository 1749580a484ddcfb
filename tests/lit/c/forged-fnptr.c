// Forged function pointers cannot leave the jump table: a host address, a
// pointer into the middle of a function or into data, all end on the trap
// entry (ud2, an illegal instruction), and sfi-run reports the trap.
// RUN: %bindir/sfi-cc -O2 %s -o %t.so
// RUN: %not %bindir/sfi-run %t.so 1 2>&1 | %FileCheck %s
// RUN: %not %bindir/sfi-run %t.so 2 2>&1 | %FileCheck %s
// RUN: %not %bindir/sfi-run %t.so 3 2>&1 | %FileCheck %s
// CHECK: sfi-run: trap: {{.*}}{{illegal|breakpoint}}
#include <stdint.h>
#include <stdlib.h>
static int data[4];
int target(void) { return 1; }
int main(int argc, char **argv) {
  int k = argc > 1 ? atoi(argv[1]) : 0;
  uintptr_t p = 0;
  if (k == 1)
    p = 0x7f0000001000ULL; /* a host address */
  if (k == 2)
    p = (uintptr_t)data;
  if (k == 3)
    p = 0x10; /* NULL + 16 */
  return ((int (*)(void))p)();
}
