// -g works: the module still verifies, and the instructions the pass adds
// carry the location of the access they guard (llvm-dwarfdump maps the
// %gs-relative store back to its line).
// RUN: %sfi-clang -O2 -g -fPIC -c %s -o %t.o
// RUN: llvm-dwarfdump --verify %t.o | %FileCheck %s --check-prefix=VERIFY
// RUN: %sfi-clang -O2 -g -fPIC -S -emit-llvm %s -o - | %FileCheck %s
// The plugin runs at -O0..-O3 in clang's pipeline, also when emitting IR.
// VERIFY: No errors.
// CHECK: and i64 {{.*}}, 4294967295, !dbg [[MASK:![0-9]+]]
// CHECK: store i32 {{%[0-9]+}}, ptr addrspace(256) {{.*}}, !dbg [[LOC:![0-9]+]]
// CHECK-DAG: [[MASK]] = !DILocation(line: 14
// CHECK-DAG: [[LOC]] = !DILocation(line: 14
void put(int *p, int v) {
  p[3] = v;
}
