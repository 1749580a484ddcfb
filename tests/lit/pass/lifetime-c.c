// Locals that move to the shadow stack lose their lifetime markers (which
// may only name an alloca): the module the pass leaves is valid IR, which
// llc accepts (an -flto link of an invalid one aborts: review3).
// RUN: %sfi-clang -O2 -S -emit-llvm %s -o %t.ll
// RUN: %FileCheck %s < %t.ll
// RUN: %llc -O2 -relocation-model=pic %t.ll -o /dev/null
// The threaded interpreter benchmark had eight such markers:
// RUN: %sfi-clang -O2 -S -emit-llvm %S/../../../benchmarks/programs/threaded.c -o %t2.ll
// RUN: %FileCheck %s < %t2.ll
// RUN: %llc -O2 -relocation-model=pic %t2.ll -o /dev/null
// CHECK-NOT: call void @llvm.lifetime
void use(long *p);
long g(int n) {
  long s = 0;
  for (int i = 0; i < n; i++) {
    long a[8], b[64];
    use(a);
    use(b);
    s += a[1] + b[2];
  }
  return s;
}
