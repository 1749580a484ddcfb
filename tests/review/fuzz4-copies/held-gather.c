// review-fuzz4: held (output matches native at every level and flag set tried).
#include <stdio.h>
__attribute__((noinline)) void g(float *restrict o, const float *restrict a, const int *restrict idx, int n) {
  for (int i = 0; i < n; i++) o[i] = a[idx[i]] * 2.0f;
}
__attribute__((noinline)) void s(float *restrict o, const float *restrict a, const int *restrict idx, int n) {
  for (int i = 0; i < n; i++) o[idx[i]] = a[i] + 1.0f;
}
__attribute__((noinline)) long g64(const long *restrict a, const long *restrict idx, int n) {
  long r = 0; for (int i = 0; i < n; i++) r += a[idx[i]] ^ i; return r;
}
__attribute__((noinline)) double strided(const double *a, int n) { double r = 0; for (int i = 0; i < n; i++) r += a[i * 3]; return r; }
int main(void) {
  static float a[1024], o[1024]; static int idx[1024]; static long la[1024], li[1024]; static double d[3072];
  for (int i = 0; i < 1024; i++) { a[i] = i * 0.5f; idx[i] = (i * 37) & 1023; la[i] = i * 11; li[i] = (i * 53) & 1023; }
  for (int i = 0; i < 3072; i++) d[i] = i;
  g(o, a, idx, 1000); double t = 0; for (int i = 0; i < 1024; i++) t += o[i];
  s(o, a, idx, 1024); for (int i = 0; i < 1024; i++) t += o[i];
  printf("%.1f %ld %.1f\n", t, g64(la, li, 1000), strided(d, 1000));
}
