// __seg_gs would address the region base register itself: refused.
// RUN: %not %sfi-clang -O2 -g -c %s -o /dev/null 2>&1 | %FileCheck %s
// CHECK: seg-gs.c:6:{{[0-9]+}}: error: libsfi: pointers in a{{.*}} address space
// CHECK-NOT: PLEASE submit a bug report
int f(void) {
  return *(int __seg_gs *)16;
}
