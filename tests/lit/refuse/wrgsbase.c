// Writing the %gs base would move the region: the intrinsic is refused.
// RUN: %not %sfi-clang -O2 -mfsgsbase -g -c %s -o /dev/null 2>&1 | %FileCheck %s
// CHECK: wrgsbase.c:7:3: error: libsfi: intrinsic llvm.x86.wrgsbase.64 cannot be made safe
// CHECK-NOT: PLEASE submit a bug report
#include <immintrin.h>
void f(unsigned long long v) {
  _writegsbase_u64(v);
}
