// review-fuzz4: keepCopiesOffStringInstructions assumes 16-byte moves
// whenever the features say SSE2. Code generation (X86 getOptimalMemOpType)
// uses 8-byte moves instead when the function is noimplicitfloat
// (-mno-implicit-float, -msoft-float) or when the tuning has slow unaligned
// 16-byte accesses (-mtune/-march=core2, atom/bonnell, k8, ...) and the
// copy is not 16-aligned. Then 65..128-byte copies at -O0..-O3 (33..128 at
// -Os, and -Os memsets of 65..128) exceed the move limit and become
// rep movs/stos, which the machine pass refuses: valid C fails to compile.
#include <stdio.h>
#include <string.h>
struct s72 { long v[9]; };                      /* 72 bytes, align 8 */
struct s96 { long v[12]; };                     /* 96 bytes, align 8 */
__attribute__((noinline)) void copy72(struct s72 *d, const struct s72 *s) { *d = *s; }
__attribute__((noinline)) long byval96(struct s96 x, int i) { return x.v[i % 12]; }
__attribute__((noinline)) void fill100(long *d, int c) { memset(d, c, 100); }  /* -Os */
__attribute__((noinline)) void vcopy72(volatile struct s72 *d, volatile struct s72 *s) { *d = *s; }
int main(void) {
  struct s72 a, b; struct s96 c; long f[13] = {0}; volatile struct s72 va, vb;
  for (int i = 0; i < 9; i++) a.v[i] = i * 5, vb.v[i] = i;
  for (int i = 0; i < 12; i++) c.v[i] = i * 7;
  copy72(&b, &a); vcopy72(&va, &vb); fill100(f, 3);
  long s = b.v[8] + va.v[8] + f[12];
  for (int i = 0; i < 30; i++) s += byval96(c, i);
  printf("%ld\n", s);
  return 0;
}
