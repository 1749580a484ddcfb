// switch-scratch.c: a switch dispatch whose table and index registers the
// instructions scheduled between the table load and the jump overwrite
// (values the cases read): the slots' address goes to a free caller-saved
// register (pcre2's compare_opcodes had this shape; this function was
// found by a random search for it). The sandboxed result must equal the
// native one for every opcode sequence.
// RUN: sfi-cc -O2 -DPART=1 -c %s -o %t.m.o
// RUN: sfi-cc -O2 -DPART=2 -c %s -o %t.main.o
// RUN: sfi-cc %t.m.o %t.main.o -o %t.so
// RUN: clang-22 -O2 -DPART=1 -c %s -o %t.nm.o
// RUN: clang-22 -O2 -DPART=2 -c %s -o %t.nmain.o
// RUN: clang-22 %t.nm.o %t.nmain.o -o %t.native
// RUN: %t.native > %t.expect
// RUN: sfi-run %t.so > %t.got
// RUN: diff %t.expect %t.got
#if PART == 1
extern int g(int,int,int,int);
int m(const unsigned char *p, int u, int v) {
  int a = 0, b = 0, c = 0;
  for (;;) { unsigned op = *p++;
    switch (op) {
    case 0:
      a ^= op << 0;
      break;
    case 1:
      a ^= v << 1;
      a = g(v,a,b,c);
      return a+b+c+1;
    case 2:
      if (b > 2) return v;
      c += v;
      if (c > 2) return v;
      continue;
    case 3:
      a ^= v << 3;
      a += u;
      return a+b+c+3;
    case 4:
      a = g(v,a,b,c);
      a ^= p[1] << 4;
      c ^= u << 4;
      return a+b+c+4;
    case 5:
      c += u;
      b += b;
      b ^= op << 5;
      break;
    case 6:
      if (a > 6) return v;
      a += a;
      break;
    case 7:
      a = g(b,a,b,c);
      b ^= b << 7;
      b ^= c << 7;
      continue;
    default: return -1; }
    u = g(a,b,c,u); if (u < 0) return v; }
}
#else
#include <stdio.h>
int m(const unsigned char *p, int u, int v);
int g(int w, int x, int y, int z) { return (w * 31 + x * 7 - y + z) % 1000 - 3; }
int main(void) {
  unsigned char prog[16];
  unsigned s = 12345;
  long sum = 0;
  for (int t = 0; t < 20000; t++) {
    for (int k = 0; k < 16; k++) {
      s = s * 1103515245u + 12345u;
      prog[k] = (unsigned char)((s >> 16) % 10); /* 8, 9: default */
    }
    int r = m(prog, t % 17, t % 5);
    sum += r;
    if (t < 20)
      printf("%d\n", r);
  }
  printf("sum %ld\n", sum);
  return 0;
}
#endif
