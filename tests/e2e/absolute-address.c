// absolute-address.c: a constant address (a member of a null pointer, a
// fixed address) is a %gs: operand without base or index registers; the
// pass gives it the %eiz index so that it is encoded with the 0x67 prefix
// (32-bit address, zero-extended) that the verifier requires of every %gs:
// operand. The module links, loads, and the access traps in the region's
// unmapped first MiB.
// RUN: sfi-cc -O2 -c %s -o %t.o
// RUN: llvm-objdump-22 -d %t.o | FileCheck %s --check-prefix=BYTES
// BYTES-LABEL: <get>:
// BYTES: 65 67 f2 0f 10 04 25 30 00 00 00
// BYTES-LABEL: <put>:
// BYTES: 65 67 89 3c 25 00 10 00 00
// RUN: sfi-cc -O2 %t.o -o %t.so
// RUN: sfi-run %t.so > %t.out 2> %t.err; test $? -eq 0
// RUN: sfi-run %t.so get 2> %t.err; test $? -eq 134
// RUN: FileCheck %s --check-prefix=TRAP < %t.err
// TRAP: sfi-run: trap: {{.*}} in get
#include <string.h>

struct s { long a[6]; double v; };
__attribute__((noinline)) double get(void) { return ((struct s *)0)->v; }
__attribute__((noinline)) void put(int x) { *(volatile int *)0x1000 = x; }

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "get"))
    return (int)get();
  if (argc > 1 && !strcmp(argv[1], "put"))
    put(1);
  return 0;
}
