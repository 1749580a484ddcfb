// Switch tables and computed goto: each dispatch becomes the masked
// branch-slot jump (and $N-1; lea slots(%rip); lea (S,I,8); jmp *), the
// slots are 8-aligned blocks at the end of the function, a jmp each, the
// padding a trap; no table is left in data, no dispatch through the
// function jump table.
// RUN: %sfi-clang -O2 -fPIC -S %s -o - | %FileCheck %s
// RUN: %sfi-clang -O1 -fPIC -S %s -o - | %FileCheck %s --check-prefix=ANY
// RUN: %sfi-clang -O0 -fPIC -S %s -o - | %FileCheck %s --check-prefix=ANY
// RUN: %sfi-clang -Os -fPIC -S %s -o - | %FileCheck %s --check-prefix=ANY

// CHECK-LABEL: pick:
// CHECK: cmpl $6,
// CHECK-NEXT: ja
// CHECK: andl $7, %e[[I:[a-z0-9]+]]
// CHECK-NEXT: leaq [[SLOTS:\.LBB[0-9_]+]](%rip), %[[S:[a-z0-9]+]]
// CHECK-NEXT: leaq (%[[S]],%r[[I]],8), %[[R:[a-z0-9]+]]
// CHECK-NEXT: jmpq *%[[R]]
// CHECK-NOT: __start_sfi_jt
// CHECK: .p2align 3
// CHECK-NEXT: [[SLOTS]]:
// CHECK-NEXT: jmp .LBB
// CHECK-COUNT-6: jmp .LBB
// CHECK-NEXT: .p2align 3
// CHECK-NEXT: .LBB{{[0-9_]+}}:
// CHECK-NEXT: ud2
// CHECK: .Lfunc_end
// CHECK-NOT: .LJTI
// ANY-NOT: .LJTI
// ANY-NOT: __start_sfi_jt
int pick(int op, int a, int b) {
  switch (op) {
  case 0: return a + b;
  case 1: return a - b;
  case 2: return a * b;
  case 3: return a ^ b;
  case 4: return a | b;
  case 5: return a & b;
  case 6: return a << 1;
  default: return 0;
  }
}

// Computed goto: label values are indices, the dispatch the same jump,
// copied into every handler (here: after inc's incl).
// CHECK-LABEL: run:
// CHECK: incl
// CHECK: andl $7, %e[[I2:[a-z0-9]+]]
// CHECK-NEXT: leaq {{\.LBB[0-9_]+}}(%rip), %[[S2:[a-z0-9]+]]
// CHECK-NEXT: leaq (%[[S2]],%r[[I2]],8), %[[R2:[a-z0-9]+]]
// CHECK-NEXT: jmpq *%[[R2]]
// CHECK: .Lfunc_end
// Label values: a per-function tag << 20 | index 1..5.
// CHECK: .quad {{[0-9]+}}
// CHECK-NEXT: .quad {{[0-9]+}}
// CHECK-NEXT: .quad {{[0-9]+}}
// CHECK-NEXT: .quad {{[0-9]+}}
// CHECK-NEXT: .quad {{[0-9]+}}
int run(const unsigned char *code) {
  static void *ops[] = {&&inc, &&dbl, &&neg, &&sq, &&halt};
  int acc = 0;
  goto *ops[*code++];
inc:
  acc++;
  goto *ops[*code++];
dbl:
  acc *= 2;
  goto *ops[*code++];
neg:
  acc = -acc;
  goto *ops[*code++];
sq:
  acc *= acc;
  goto *ops[*code++];
halt:
  return acc;
}
