/* dispatch.c: switch tables and computed goto (labels as values) give the
 * same results sandboxed as natively: dense switches (jump tables, now
 * branch slots), a switch with an unreachable default, a computed-goto
 * interpreter whose labels share handlers and compare as values, and a
 * table of label differences as used by threaded interpreters. */
#include <stdio.h>
#include <string.h>

static int dense(int op, int a, int b) {
  switch (op) {
  case 0: return a + b;
  case 1: return a - b;
  case 2: return a * b;
  case 3: return a ^ b;
  case 4: return a | b;
  case 5: return a & b;
  case 6: return a << (b & 7);
  case 7: return a >> (b & 7);
  case 9: return -a;
  case 10: return a % (b | 1);
  default: return 1000 + op;
  }
}

static const char *name(unsigned c) {
  switch (c & 7) {
  case 0: return "zero";
  case 1: return "one";
  case 2: return "two";
  case 3: return "three";
  case 4: return "four";
  case 5: return "five";
  case 6: return "six";
  case 7: return "seven";
  default: __builtin_unreachable();
  }
}

enum { PUSH, ADD, SUB, MUL, DUP, SWAP, JNZ, DEC, PRINT, HALT, NOP1, NOP2 };

static long run(const int *code) {
  static void *ops[] = {&&push, &&add, &&sub, &&mul, &&dup, &&swap,
                        &&jnz,  &&dec, &&print, &&halt, &&nop, &&nop};
  long st[64];
  int sp = 0, pc = 0;
  long steps = 0;
#define NEXT                                                                   \
  do {                                                                         \
    steps++;                                                                   \
    goto *ops[code[pc++]];                                                     \
  } while (0)
  NEXT;
push:
  st[sp++] = code[pc++];
  NEXT;
add:
  sp--;
  st[sp - 1] += st[sp];
  NEXT;
sub:
  sp--;
  st[sp - 1] -= st[sp];
  NEXT;
mul:
  sp--;
  st[sp - 1] *= st[sp];
  NEXT;
dup:
  st[sp] = st[sp - 1];
  sp++;
  NEXT;
swap : {
  long t = st[sp - 1];
  st[sp - 1] = st[sp - 2];
  st[sp - 2] = t;
}
  NEXT;
jnz:
  if (st[--sp])
    pc = code[pc];
  else
    pc++;
  NEXT;
dec:
  st[sp - 1]--;
  NEXT;
print:
  printf("  top %ld\n", st[sp - 1]);
  NEXT;
nop:
  NEXT;
halt:
  return st[sp - 1] * 1000 + steps % 1000;
#undef NEXT
}

/* Label values compare like addresses: equal for one label, different for
 * two, and ordered consistently with themselves. */
static int labels(int k) {
  void *a = &&l1, *b = &&l2, *c = &&l1;
  int r = (a == c) * 4 + (a != b) * 2 + (b != c);
  void *pick[] = {&&l1, &&l2, &&l3};
  goto *pick[k % 3];
l1:
  return r * 10 + 1;
l2:
  return r * 10 + 2;
l3:
  return r * 10 + 3;
}

int main(void) {
  unsigned long sum = 0;
  for (int op = -2; op < 14; op++)
    for (int a = -3; a < 4; a++)
      sum = sum * 31 + dense(op, a * 977, a + 5);
  printf("dense %lu\n", sum);
  for (unsigned c = 0; c < 20; c++)
    printf("%s%c", name(c * 7u), c == 19 ? '\n' : ' ');
  /* 10! by a loop: n=10 acc=1; loop: acc*=n; n--; jnz loop */
  static const int fact[] = {PUSH, 1,   PUSH, 10,  NOP1, DUP,  PUSH, 0,
                             SWAP, SUB, NOP2, SWAP, DUP,  PRINT, SWAP, DUP,
                             DEC,  SWAP, PUSH, 0,   ADD,  MUL,  SWAP, DEC,
                             DUP,  JNZ, 5,    SWAP, HALT};
  printf("run %ld\n", run(fact));
  for (int k = 0; k < 6; k++)
    printf("labels %d\n", labels(k));
  return 0;
}
