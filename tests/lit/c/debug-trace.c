// -mllvm -sfi-debug explains each decision of the pass, one line each:
// locals moved to the shadow stack, %gs operands, jump tables turned into
// branch slots, confined indirect calls, what is kept and why. Without the
// switch the pass prints nothing.
// RUN: %sfi-clang -O2 -fPIC -c %s -o %t.o -mllvm -sfi-debug 2>&1 | %FileCheck %s
// RUN: %sfi-clang -O2 -fPIC -c %s -o %t.o 2>&1 | count 0
// CHECK-DAG: sfi: f: local moved to the shadow stack: {{.*}}alloca [4 x i32]
// CHECK-DAG: sfi: f: jump table dispatch to branch slots: table 0, 8 slots
// CHECK-DAG: sfi: f: %gs with 32-bit address: MOV32mr {{.*}}$gs
// CHECK-DAG: sfi: f: indirect transfer confined to the jump table: CALL64m
// CHECK-DAG: sfi: f: %rip operand kept: {{.*}}@__sfi_ssp
int g[10];
int (*fp)(int);
int use(int *p);
int f(int i, int k) {
  int local[4] = {1, 2, 3, 4};
  g[i] = i * 2;
  switch (k) {
  case 0:
    return use(local);
  case 1:
    return 7;
  case 2:
    return 9;
  case 3:
    return 11;
  case 4:
    return 13;
  default:
    return fp(i);
  }
}
