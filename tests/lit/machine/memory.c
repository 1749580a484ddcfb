// Version 2 memory operands: every access that is not a native-frame or
// %rip operand becomes %gs:disp(%eB,%eI,s) with 32-bit registers (the 0x67
// prefix), loads and stores in full mode, stores only in stores-only mode.
// RUN: %sfi-clang -O2 -fPIC -S %s -o - | %FileCheck %s --check-prefixes=CHECK,FULL
// RUN: %sfi-clang -O2 -fPIC -S %s -o - -mllvm -sfi-mode=stores | %FileCheck %s --check-prefixes=CHECK,STORES
// RUN: %sfi-clang -O2 -fPIC -c %s -o %t.o && llvm-objdump -d %t.o | %FileCheck %s --check-prefix=BYTES

// CHECK-LABEL: get:
// FULL: movq %gs:16(%edi,%esi,8), %rax
// STORES: movq 16(%rdi,%rsi,8), %rax
// BYTES-LABEL: <get>:
// BYTES: 65 67 48 8b 44 f7 10
long get(long *a, long i) { return a[i + 2]; }

// CHECK-LABEL: put:
// CHECK: movl %edx, %gs:(%edi,%esi,4)
void put(int *a, long i, int v) { a[i] = v; }

// Read-modify-write and atomics are stores too.
// CHECK-LABEL: bump:
// CHECK: lock incl %gs:(%edi)
void bump(int *p) { __atomic_fetch_add(p, 1, __ATOMIC_SEQ_CST); }

// Globals of the module are %rip operands inside the image: no segment.
// CHECK-LABEL: setg:
// CHECK: movl %edi, g(%rip)
// CHECK-NOT: %gs
// CHECK: retq
static int g;
int *addr_of_g(void) { return &g; }
void setg(int v) { g = v; }

// Vector accesses get the same form.
// CHECK-LABEL: copy4:
// FULL: movups %gs:(%esi), %xmm0
// CHECK: movups %xmm0, %gs:(%edi)
void copy4(float *restrict d, const float *restrict s) {
  for (int i = 0; i < 4; i++)
    d[i] = s[i];
}

// No operand anywhere keeps a 64-bit base without the segment, except the
// native frame and %rip (checked per function above; here for the file).
// FULL-NOT: {{[^s]}}:({{%r[a-z0-9]+}}
