// Switch tables and computed goto: each dispatch becomes the loading
// branch-slot jump (and $N-1; lea slots+5(%rip),%S; lea (S,I,8),%S;
// movslq -4(%S),%R; add %S,%R; jmp *%R: the target of slot I's jmp rel32,
// one jump), the slots are 8-aligned blocks at the end of the function, a
// jmp each (slot 0's end labelled), the padding a jmp to a trap; no table
// is left in data, no dispatch through the function jump table.
// RUN: %sfi-clang -O2 -fPIC -S %s -o - | %FileCheck %s
// RUN: %sfi-clang -O1 -fPIC -S %s -o - | %FileCheck %s --check-prefix=ANY
// RUN: %sfi-clang -O0 -fPIC -S %s -o - | %FileCheck %s --check-prefix=ANY
// RUN: %sfi-clang -Os -fPIC -S %s -o - | %FileCheck %s --check-prefix=ANY
// RUN: %sfi-clang -O2 -fPIC -c %s -o %t.o
// RUN: %objdump -d %t.o | %FileCheck %s --check-prefix=OBJ

// CHECK-LABEL: pick:
// CHECK: cmpl $6,
// CHECK-NEXT: ja
// CHECK: andl $7, %e[[I:[a-z0-9]+]]
// CHECK-NEXT: leaq [[END:\.Lsfi_slot0_end[0-9]+]](%rip), %[[S:[a-z0-9]+]]
// CHECK-NEXT: leaq (%[[S]],%r[[I]],8), %[[S]]
// CHECK-NEXT: movslq -4(%[[S]]), %[[R:[a-z0-9]+]]
// CHECK-NEXT: addq %[[S]], %[[R]]
// CHECK-NEXT: jmpq *%[[R]]
// CHECK-NOT: __start_sfi_jt
// CHECK: ud2
// CHECK-NEXT: .p2align 3
// CHECK-NEXT: .LBB{{[0-9_]+}}:
// CHECK-NEXT: jmp .LBB
// CHECK-NEXT: [[END]]:
// CHECK-COUNT-6: jmp .LBB
// CHECK-NEXT: .p2align 3
// CHECK-NEXT: .LBB{{[0-9_]+}}:
// CHECK-NEXT: jmp .LBB
// CHECK: .Lfunc_end
// CHECK-NOT: .LJTI
// ANY-NOT: .LJTI
// ANY-NOT: __start_sfi_jt
// Every slot is a 5-byte jmp rel32 (e9) in the object: the dispatch reads
// its rel32.
// OBJ-LABEL: <pick>:
// OBJ: ud2
// OBJ-NEXT: nop
// OBJ-NEXT: e9 {{[0-9a-f]+ [0-9a-f]+ [0-9a-f]+ [0-9a-f]+}} jmp
// OBJ-NEXT: nopl
// OBJ-NEXT: e9 {{[0-9a-f]+ [0-9a-f]+ [0-9a-f]+ [0-9a-f]+}} jmp
// OBJ-NEXT: nopl
// OBJ-NEXT: e9 {{[0-9a-f]+ [0-9a-f]+ [0-9a-f]+ [0-9a-f]+}} jmp
// OBJ-NEXT: nopl
// OBJ-NEXT: e9 {{[0-9a-f]+ [0-9a-f]+ [0-9a-f]+ [0-9a-f]+}} jmp
// OBJ-NEXT: nopl
// OBJ-NEXT: e9 {{[0-9a-f]+ [0-9a-f]+ [0-9a-f]+ [0-9a-f]+}} jmp
// OBJ-NEXT: nopl
// OBJ-NEXT: e9 {{[0-9a-f]+ [0-9a-f]+ [0-9a-f]+ [0-9a-f]+}} jmp
// OBJ-NEXT: nopl
// OBJ-NEXT: e9 {{[0-9a-f]+ [0-9a-f]+ [0-9a-f]+ [0-9a-f]+}} jmp
// OBJ-NEXT: nopl
// OBJ-NEXT: e9 {{[0-9a-f]+ [0-9a-f]+ [0-9a-f]+ [0-9a-f]+}} jmp
// OBJ-NEXT: nopl
// OBJ-EMPTY:
// OBJ-NEXT: <run>:
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

// Computed goto: the goto reads a constant table of the function's
// labels, so the dispatch switches on the table's index (*code, masked)
// and the table is gone; the dispatch is the same jump, copied into every
// handler (here: after inc's incl).
// CHECK-LABEL: run:
// CHECK: incl
// CHECK: andl $7, %e[[I2:[a-z0-9]+]]
// CHECK-NEXT: leaq {{\.Lsfi_slot0_end[0-9]+}}(%rip), %[[S2:[a-z0-9]+]]
// CHECK-NEXT: leaq (%[[S2]],%r[[I2]],8), %[[S2]]
// CHECK-NEXT: movslq -4(%[[S2]]), %[[R2:[a-z0-9]+]]
// CHECK-NEXT: addq %[[S2]], %[[R2]]
// CHECK-NEXT: jmpq *%[[R2]]
// CHECK: .Lfunc_end
// CHECK-NOT: run.ops
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
