// Code generation expands small memcmp/bcmp calls into plain loads after
// the pass has run; those loads would be unmasked. Library calls are kept
// opaque (nobuiltin), so they stay calls into the sandbox libc.
// RUN: %sfi-clang -O2 -fPIC -S -emit-llvm %s -o - | %FileCheck %s --check-prefix=IR
// RUN: %sfi-clang -O2 -fPIC -c %s -o %t.o
// RUN: llvm-objdump -d --no-show-raw-insn %t.o | %FileCheck %s
// IR: call i32 @bcmp({{.*}}) #[[NB:[0-9]+]]
// IR: attributes #[[NB]] = { nobuiltin
// CHECK-LABEL: <eq16>:
// CHECK-NOT: (%rdi)
// CHECK-NOT: (%rsi)
// CHECK: call
// CHECK-LABEL: <eq8>:
// CHECK-NOT: (%rdi)
// CHECK-NOT: (%rsi)
// CHECK: jmp
#include <string.h>
int eq16(const char *a, const char *b) { return memcmp(a, b, 16) == 0; }
int eq8(const char *a, const char *b) { return bcmp(a, b, 8); }
