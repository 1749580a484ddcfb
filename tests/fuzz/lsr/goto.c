/* Computed goto whose dispatch the pass turns into a switch over label
 * indices (with a freeze of the address or table index) inside loops:
 * the index is an induction variable, labels in offset tables
 * (&&l - &&base), label values carried around loops in phis. */
#include <stdint.h>

int iv_indexed(const int *a, int n) {
  static void *const tab[] = {&&l0, &&l1, &&l2, &&l3};
  int s = 0, i = 0;
top:
  if (i >= n) return s;
  goto *tab[i & 3];
l0: s += a[i]; i++; goto top;
l1: s ^= a[i * 2]; i++; goto top;
l2: s -= a[i + 3]; i += 1; goto top;
l3: s *= 3; i++; goto top;
}

int iv_unmasked(const int *a, unsigned n) {
  static void *const tab[] = {&&m0, &&m1, &&m0, &&m1, &&m2, &&m0, &&m2, &&m1};
  int s = 0;
  for (unsigned i = 0; i < n; i++) {
    goto *tab[i % 8];
  m0: s += a[i]; continue;
  m1: s -= a[i + 1]; continue;
  m2: s ^= (int)i;
  }
  return s;
}

long offsets(const unsigned char *code, long *regs, int n) {
  static const int offs[] = {&&o_add - &&o_add, &&o_sub - &&o_add,
                             &&o_ld - &&o_add, &&o_end - &&o_add};
  const unsigned char *pc = code;
  long acc = 0;
  int k = 0;
#define DISPATCH goto *(&&o_add + offs[*pc++ & 3])
  DISPATCH;
o_add: acc += regs[*pc++ & 15]; if (++k < n) DISPATCH; return acc;
o_sub: acc -= regs[*pc++ & 15]; if (++k < n) DISPATCH; return acc;
o_ld: regs[*pc & 15] = acc; pc++; if (++k < n) DISPATCH; return acc;
o_end: return acc + k;
}

int label_phi(const int *a, int n) {
  void *lab = &&p0;
  int s = 0;
  for (int i = 0; i < n; i++) {
    goto *lab;
  p0: s += a[i]; lab = a[i] > 0 ? &&p1 : &&p0; continue;
  p1: s -= a[n - 1 - i]; lab = &&p2; continue;
  p2: s ^= i; lab = &&p0;
  }
  return s;
}

long pointer_walk(const uint16_t *p, const uint16_t *e, long *out) {
  static void *const ops[16] = {
      &&q0, &&q1, &&q2, &&q3, &&q0, &&q1, &&q2, &&q3,
      &&q0, &&q1, &&q2, &&q3, &&q0, &&q1, &&q2, &&q3};
  long acc = 0;
  while (p < e) {
    uint16_t w = *p++;
    goto *ops[w >> 12];
  q0: acc += w; continue;
  q1: *out++ = acc; continue;
  q2: acc <<= 1; continue;
  q3: p += w & 3;
  }
  return acc;
}

int nested_goto(int (*m)[16], int n) {
  static void *const row_op[] = {&&r_sum, &&r_max};
  int t = 0;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < 16; j++) {
      goto *row_op[(i + j) & 1];
    r_sum: t += m[i][j]; continue;
    r_max: t = m[i][j] > t ? m[i][j] : t;
    }
  return t;
}
