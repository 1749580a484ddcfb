// -g works: the module still verifies, and the instructions the pass adds
// carry the location of the access they guard (llvm-dwarfdump maps the
// %gs-relative store back to its line).
// RUN: %sfi-clang -O2 -g -fPIC -c %s -o %t.o
// RUN: llvm-dwarfdump --verify %t.o | %FileCheck %s --check-prefix=VERIFY
// RUN: %sfi-clang -O2 -g -fPIC -S -emit-llvm %s -o - | %FileCheck %s
// The plugin runs at -O0..-O3 in clang's pipeline, also when emitting IR.
// VERIFY: No errors.
// CHECK: !DILocation(line: 11
void put(int *p, int v) {
  p[3] = v;
}
