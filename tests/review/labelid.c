/* labelid.c (review3, C, sfi-cc): label values ("labels as values", GNU C)
 * of two different functions compare equal sandboxed at -O0. Natively a
 * label value is a code address, so labels of different functions never
 * compare equal; ControlFlow.cpp lowerIndirectBr numbers each function's
 * labels 1..N, so f's first label and g's first label are both 1. At -O2
 * the comparison is folded before the lowering and prints 0, so the
 * sandboxed program's output also depends on -O. Expected output (native,
 * every level): 0 and 0. */
#include <stdio.h>
__attribute__((noinline)) static void *f(int op) {
  static void *const t[] = {&&fa, &&fb};
  goto *t[op & 1];
fa: return t[0];
fb: return t[1];
}
__attribute__((noinline)) static void *g(int op) {
  static void *const t[] = {&&ga, &&gb};
  goto *t[op & 1];
ga: return t[0];
gb: return t[1];
}
int main(void) {
  printf("f's first label == g's first label: %d\n", f(0) == g(0));
  printf("null label: %d\n", f(1) == 0);
  return 0;
}
