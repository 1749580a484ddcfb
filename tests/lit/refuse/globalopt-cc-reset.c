// GlobalOpt turns internal functions whose address is never taken into
// fastcc before the optimizer-last point where the pass runs. That is not
// the source's choice: the pass sets them (and every call of them) back to
// the C convention instead of refusing them.
// RUN: %sfi-clang -O2 -S -emit-llvm %s -o - | %FileCheck %s
// CHECK-NOT: fastcc
// CHECK: define internal {{.*}}@sq(
// CHECK-NOT: fastcc
static __attribute__((noinline)) int sq(int x) { return x * x + 1; }
int pub(int y) { return sq(y) + sq(y + 1); }
