// review-fuzz4: held (output matches native at every level and flag set tried).
#include <stdio.h>
/* label tables with duplicates, a label outside the table that is still
   address-taken (second table), several gotos (shared dispatch), loop-carried
   values (phis with entries from ordinary predecessors), and a label reached
   both by fallthrough/direct goto and through the tables. */
__attribute__((noinline)) long run(const unsigned char *code, int n, int mode) {
  static void *const t1[] = {&&A, &&B, &&A, &&A, &&C, &&B, &&HALT, &&A};
  static void *const t2[] = {&&D, &&A, &&D, &&HALT};
  long acc = 1, k = 0; int pc = 0;
  if (mode) goto D;
  goto *t1[code[pc++] & 7];
A:
  acc = acc * 3 + k; k++;
  if (pc >= n) goto HALT;
  if (acc & 1) goto *t2[code[pc++] & 3];
  goto *t1[code[pc++] & 7];
B:
  acc ^= k << 3; k += 2;
  if (pc >= n) goto HALT;
  goto *t1[code[pc++] & 7];
C:
  acc += 17; k--;
  if (pc >= n) goto HALT;
  goto *t2[code[pc++] & 3];
D:
  acc -= k; k += 5;
  if (pc >= n) goto HALT;
  if (k & 2) goto A;
  goto *t1[code[pc++] & 7];
HALT:
  return acc * 1000 + k;
}
__attribute__((noinline)) int ivloop(int n) {
  static const int off[] = {&&L0 - &&L0, &&L1 - &&L0, &&L1 - &&L0, &&L2 - &&L0};
  int s = 0, i = 0;
  goto *(&&L0 + off[i & 3]);
L0: s += i * 2; if (++i < n) goto *(&&L0 + off[i & 3]); return s;
L1: s -= i;     if (++i < n) goto *(&&L0 + off[(i * 7) & 3]); return s;
L2: s ^= i;     if (++i < n) goto *(&&L0 + off[i & 3]); return s;
}
int main(void) {
  unsigned char code[4096]; unsigned x = 12345;
  for (int i = 0; i < 4096; i++) { x = x * 1103515245u + 12345u; code[i] = (x >> 16) & 0xff; if (((x>>16)&7) == 6) code[i] ^= 1; }
  long s = 0;
  for (int r = 0; r < 50; r++) s += run(code + r * 13, 4000 - r * 13, r & 1);
  printf("%ld %d\n", s, ivloop(1000));
  return 0;
}
