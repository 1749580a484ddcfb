// Code generation expands small memcmp/bcmp calls into plain loads after
// the pass has run. Version 1 masked in the IR, so those loads escaped
// their masks and library calls had to stay opaque (nobuiltin); version 2
// confines whatever code generation makes: the expanded loads are %gs:
// operands with 32-bit addresses like every other access.
// RUN: %sfi-clang -O2 -fPIC -c %s -o %t.o
// RUN: llvm-objdump -d --no-show-raw-insn %t.o | %FileCheck %s
// CHECK-LABEL: <eq16>:
// CHECK-NOT: (%rdi)
// CHECK-NOT: (%rsi)
// CHECK: %gs:(%edi)
// CHECK-LABEL: <eq8>:
// CHECK-NOT: (%rdi)
// CHECK-NOT: (%rsi)
// CHECK: %gs:(%edi)
#include <string.h>
int eq16(const char *a, const char *b) { return memcmp(a, b, 16) == 0; }
int eq8(const char *a, const char *b) { return bcmp(a, b, 8); }
