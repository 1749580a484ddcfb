// cgoto-table-lsr.c: computed gotos through constant label tables that hold
// a label in several slots (unused opcodes sharing one handler). The pass
// turns each such goto into a switch on the table index, with one edge per
// slot; the phis of a shared label used to keep one entry, invalid IR that
// Loop Strength Reduction crashed on (PHINode::removeIncomingValue from
// SplitCriticalEdge) at -O1..-Oz in both modes (issue 14's LSR crash;
// reduced from tests/fuzz/cgoto_gen.py programs). Every level and mode
// builds, and prints what the native build prints.
// RUN: for O in 0 1 2 3 s z; do for M in full stores; do sfi-cc -O$O -fsfi-mode=$M %s -o %t.$O.$M.so || exit 1; sfi-run %t.$O.$M.so > %t.$O.$M.out || exit 1; done; done
// RUN: clang-22 -O1 %s -o %t.native && %t.native > %t.native.out
// RUN: for f in %t.*.out; do cmp %t.native.out $f || exit 1; done
// RUN: FileCheck %s < %t.2.full.out
// CHECK: run 9 8 f2 -66961 f 118
#include <stdio.h>

// The reduced crash: halt is reached from op and from two slots.
__attribute__((noinline)) long run(const unsigned char *code, long n) {
  static void *const ops[4] = {&&op, &&op, &&halt, &&halt};
  long k = 0;
  goto *ops[code[0] & 3];
op: k++; if (k > n) goto halt; goto *ops[code[k] & 3];
halt: return k;
}

// A generated one (cgoto_gen.py seed 2, f2), crashed at -O1, -O2, -Os.
__attribute__((noinline)) long long f2(const unsigned char *code, char *st,
                                       long n) {
  static void *const ops[16] = {&&op0, &&op2, &&halt, &&op2, &&halt, &&op3,
                                &&halt, &&halt, &&op1, &&halt, &&halt, &&halt,
                                &&halt, &&halt, &&halt, &&op2};
  long long acc = 0;
  long long k = 0;
  goto *ops[code[k] & 15];
op0: acc = acc * 3 + st[k]; k += 1; goto *ops[code[k] & 15];
op1: acc -= st[k * 2]; k += 4; goto *ops[code[k] & 15];
op2: acc = acc * 3 + st[k]; k += 4; goto *ops[code[k] & 15];
op3: st[k + 1] = (char)acc; k += 1; if (k > n) goto halt; goto *ops[code[k] & 15];
halt: return k * 7 - acc;
}

// A shared label that is also entered directly (its phis have entries
// from outside the dispatch too).
__attribute__((noinline)) long f(const unsigned char *pc, long *st, int n) {
  static void *const ops[4] = {&&a, &&b, &&a, &&a};
  long acc = 0;
  int k = 0;
  if (n & 1) { k = 5; goto a; }
  goto *ops[*pc & 3];
a: acc += st[k]; k++; pc++; if (k < n) goto *ops[*pc & 3]; return acc;
b: acc ^= st[k]; k += 2; pc += 2; if (k < n) goto *ops[*pc & 3]; return acc;
}

int main(void) {
  unsigned char code[64];
  char st[256];
  long lst[64];
  for (int i = 0; i < 64; i++) {
    code[i] = (unsigned char)((i * 7 + 3) % 11 == 0 ? 2 : (i * 5) % 2);
    lst[i] = i * 3 - 7;
  }
  for (int i = 0; i < 256; i++) st[i] = (char)(i * 13);
  unsigned char code2[64];
  static const unsigned char pat[6] = {0, 3, 5, 8, 15, 1};
  for (int i = 0; i < 64; i++) code2[i] = i < 48 ? pat[i % 6] : 2;
  printf("run %ld %ld f2 %lld f %ld\n", run(code, 40), run(code, 7),
         f2(code2, st, 40), f(code, lst, 30));
  return 0;
}
