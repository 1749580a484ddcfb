// Indirect calls and jumps are confined to the jump table by the fixed
// sequence lea/sub/and/add right before the transfer (pass/MachineSandbox.cpp),
// through a register or, for memory operands, after a load into %r11.
// RUN: %sfi-clang -O2 -fPIC -fno-plt -S %s -o - | %FileCheck %s
// RUN: %sfi-clang -O0 -fPIC -S %s -o - | %FileCheck %s --check-prefix=O0

// CHECK-LABEL: call:
// CHECK: leaq __start_sfi_jt(%rip), %r11
// CHECK-NEXT: subq %r11, %rax
// CHECK-NEXT: andl $__sfi_jt_mask, %eax
// CHECK-NEXT: addq %r11, %rax
// CHECK-NEXT: callq *%rax
// O0-LABEL: call:
// O0: leaq __start_sfi_jt(%rip), %r11
// O0-NEXT: subq %r11, %rax
// O0-NEXT: andl $__sfi_jt_mask, %eax
// O0-NEXT: addq %r11, %rax
// O0-NEXT: callq *%rax
int call(int (*f)(int), int x) { return f(x) + 1; }

// A tail call through a pointer is an indirect jump: the same sequence.
// CHECK-LABEL: tail:
// CHECK: leaq __start_sfi_jt(%rip), %r11
// CHECK-NEXT: subq %r11, %rax
// CHECK-NEXT: andl $__sfi_jt_mask, %eax
// CHECK-NEXT: addq %r11, %rax
// CHECK-NEXT: jmpq *%rax
int tail(int (*f)(int), int x) { return f(x); }

// A pointer loaded from memory: into %r11 (its operand sandboxed), then
// confined with %r10 as the scratch register.
// CHECK-LABEL: viamem:
// CHECK: movq %gs:(%eax), %r11
// CHECK-NEXT: leaq __start_sfi_jt(%rip), %r10
// CHECK-NEXT: subq %r10, %r11
// CHECK-NEXT: andl $__sfi_jt_mask, %r11d
// CHECK-NEXT: addq %r10, %r11
// CHECK-NEXT: callq *%r11
struct S { int (*fp)(int); } *gs;
int viamem(int x) { return gs->fp(x) * 2; }

// Calls to functions outside this file stay direct or go through their GOT
// slot, also when machine LICM would hoist the slot's load out of a loop.
// CHECK-LABEL: loop:
// CHECK-NOT: callq *%
// CHECK: callq *ext@GOTPCREL(%rip)
// CHECK-NOT: callq *%
// CHECK: retq
extern int ext(int) __attribute__((visibility("default")));
int loop(int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += ext(i);
  return s;
}

// A switch never becomes a jump table (an indirect jump inside a function).
// CHECK-LABEL: sw:
// CHECK-NOT: jmpq *
// CHECK: retq
int sw(int x) {
  switch (x) {
  case 0: return 11; case 1: return 22; case 2: return 35; case 3: return 47;
  case 4: return 59; case 5: return 61; case 6: return 73; case 7: return 89;
  default: return -1;
  }
}
