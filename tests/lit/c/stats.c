// -mllvm -stats (or -sfi-stats) reports what the pass masked and elided.
// RUN: %sfi-clang -O2 -fPIC -c %s -o /dev/null -mllvm -stats 2>&1 | %FileCheck %s
// CHECK-DAG: libsfi: NumGSOperands = {{[23]}}
// CHECK-DAG: libsfi: NumRIPOperands = 1
int g[4];
int f(int *p, int i) {
  g[2] = i;
  *p = i;
  return p[i];
}
