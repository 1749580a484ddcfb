/* labels.c: label values (GNU C labels as values, computed goto) that the
 * lowering could get wrong (issue 14): two labels at the same place, label
 * comparisons, label values in constant tables (the goto then switches on
 * the table's index), in tables built at run time (direct threading:
 * `goto **ip++`), in structs and passed to and returned from other
 * functions, and a table with duplicate entries. The output never depends
 * on what a label value is, only on where a goto goes and on comparisons
 * that C fixes (a label equals itself; copies of it equal it; a label
 * value is never null). */
#include <stdio.h>
#include <string.h>

/* Two labels with nothing between them, reached through a constant table
 * that lists each twice (the table's index selects the label). */
__attribute__((noinline)) static int merged(int k) {
  static void *const t[] = {&&a, &&b, &&a, &&b, &&c, &&c, &&d, &&a};
  int n = 0;
  goto *t[k & 7];
a:
b:
  n += 1;
c:
  n += 10;
d:
  return n + 100;
}

/* Comparisons: a label with itself, with a copy taken through a table and
 * through a volatile, with null. */
__attribute__((noinline)) static int compare(int k) {
  static void *const t[] = {&&x, &&y, &&x, &&z};
  void *volatile v = &&x;
  void *p = t[k & 3];
  int r = 0;
  r |= (p == &&x) << 0;
  r |= (p == &&y) << 1;
  r |= (p == &&z) << 2;
  r |= (v == t[0]) << 3;
  r |= (v == t[2]) << 4;
  r |= (p != 0) << 5;
  r |= (&&x == &&x) << 6;
  goto *p;
x:
  return r + 1000;
y:
  return r + 2000;
z:
  return r + 3000;
}

/* A direct-threaded interpreter: the program is an array of label values
 * built at run time, each handler ends in `goto **ip++`. */
struct insn {
  void *op;
  long arg;
};
__attribute__((noinline)) static void *pick(void *const *tbl, int i) {
  return tbl[i];
}
__attribute__((noinline)) static long direct(const int *src, int n) {
  void *const ops[] = {&&push, &&add, &&mul, &&dup, &&halt};
  struct insn prog[64];
  for (int i = 0; i < n; i++) {
    prog[i].op = pick(ops, src[2 * i]);
    prog[i].arg = src[2 * i + 1];
  }
  long st[32], *sp = st;
  struct insn *ip = prog;
  goto *ip->op;
push:
  *sp++ = ip->arg;
  ip++;
  goto *ip->op;
add:
  sp--;
  sp[-1] += sp[0];
  ip++;
  goto *ip->op;
mul:
  sp--;
  sp[-1] *= sp[0];
  ip++;
  goto *ip->op;
dup:
  sp[0] = sp[-1];
  sp++;
  ip++;
  goto *ip->op;
halt:
  return sp[-1];
}

/* A label value handed to another function and back, kept in a struct. */
struct cont {
  void *where;
  int n;
};
__attribute__((noinline)) static struct cont bounce(struct cont c) {
  c.n *= 3;
  return c;
}
__attribute__((noinline)) static int passed(int k) {
  struct cont c = {k ? &&one : &&two, k + 1};
  c = bounce(c);
  goto *c.where;
one:
  return c.n + 1;
two:
  return c.n + 2;
}

int main(void) {
  for (int k = 0; k < 8; k++)
    printf("merged(%d) = %d\n", k, merged(k));
  for (int k = 0; k < 4; k++)
    printf("compare(%d) = %d\n", k, compare(k));
  /* ((2 + 3) * 4) dup add = 40 */
  static const int src[] = {0, 2, 0, 3, 1, 0, 0, 4, 2, 0, 3, 0, 1, 0, 4, 0};
  printf("direct = %ld\n", direct(src, 8));
  for (int k = 0; k < 2; k++)
    printf("passed(%d) = %d\n", k, passed(k));
  return 0;
}
