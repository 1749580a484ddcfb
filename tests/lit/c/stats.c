// -mllvm -stats (or -sfi-stats) reports what the pass masked and elided.
// RUN: %sfi-clang -O2 -fPIC -c %s -o /dev/null -mllvm -stats 2>&1 | %FileCheck %s
// CHECK-DAG: libsfi: NumMaskedStores = 1
// CHECK-DAG: libsfi: NumElidedGlobal = 1
// CHECK-DAG: libsfi: NumMaskedLoads = 1
int g[4];
int f(int *p, int i) {
  g[2] = i;
  *p = i;
  return p[i];
}
