/* tables.c: the base module of the table-dispatch mutations (mutate.py
 * --tables): switches dense enough to become jump tables, which the pass
 * turns into the loading form (and; lea slots+5(%rip); lea (T,X,8);
 * movslq -4(T); add; jmp *R) over a table of 5-byte `jmp rel32` slots.
 * A computed goto through a label table takes the same form. */
int sw8(int op, int x) {
  switch (op) {
  case 0: return x + 1;
  case 1: return x * 3;
  case 2: return x - 7;
  case 3: return x ^ 0x55;
  case 4: return x << 2;
  case 5: return x / 3;
  case 6: return x % 5;
  case 7: return -x;
  default: return 0;
  }
}

long sw12(long op, long x, long y) {
  switch (op) {
  case 10: return x + y;
  case 11: return x - y;
  case 12: return x * y;
  case 13: return y ? x / y : 0;
  case 14: return y ? x % y : 0;
  case 15: return x & y;
  case 16: return x | y;
  case 17: return x ^ y;
  case 18: return x << (y & 63);
  case 19: return x >> (y & 63);
  case 20: return x < y;
  case 21: return x == y;
  default: return -1;
  }
}

int run(const unsigned char *code, int n) {
  static void *const ops[4] = {&&inc, &&dbl, &&neg, &&halt};
  int acc = 0, i = 0;
  if (n <= 0)
    return 0;
  goto *ops[code[0] & 3];
inc:
  acc++;
  goto next;
dbl:
  acc *= 2;
  goto next;
neg:
  acc = -acc;
next:
  if (++i >= n)
    return acc;
  goto *ops[code[i] & 3];
halt:
  return acc;
}
