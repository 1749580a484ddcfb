/* Vectorizable loops (and ones that need masked or gathered accesses with
 * AVX2/AVX-512), variable vector indices, long double and out-parameter
 * math in loops, nested loops with computed addresses, unrolled loops. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>

typedef float v8f __attribute__((vector_size(32)));
typedef int v4i __attribute__((vector_size(16)));

void saxpy(float *restrict y, const float *restrict x, float a, int n) {
  for (int i = 0; i < n; i++) y[i] = a * x[i] + y[i];
}

void gather(float *restrict d, const float *s, const int *idx, int n) {
  for (int i = 0; i < n; i++) d[i] = s[idx[i]] * 2.0f;
}

void scatter_cond(int *d, const int *s, const int *idx, int n) {
  for (int i = 0; i < n; i++)
    if (s[i] > 0) d[idx[i]] = s[i];
}

void masked(int *restrict d, const int *restrict s, int n) {
  for (int i = 0; i < n; i++)
    if (s[i] & 1) d[i] = s[i] * 3;
}

float var_extract(v8f *v, const int *k, int n) {
  float s = 0;
  for (int i = 0; i < n; i++) {
    v8f t = v[i];
    t[k[i] & 7] += 1.0f;
    s += t[(k[i] + 3) & 7];
    v[i] = t;
  }
  return s;
}

int v4_loop(v4i *a, int n, int j) {
  v4i acc = {0, 0, 0, 0};
  for (int i = 0; i < n; i++) {
    acc += a[i];
    acc[j & 3] ^= i;
  }
  return acc[0] + acc[1] + acc[2] + acc[3];
}

long double ld_loop(long double *a, int n) {
  long double s = 0;
  for (int i = 0; i < n; i++) s += floorl(a[i]) + fmodl(a[i], 3.0L);
  return s;
}

double modf_loop(double *a, int n) {
  double s = 0, ip;
  int e;
  for (int i = 0; i < n; i++) {
    s += modf(a[i], &ip) + ip;
    s += frexp(a[i], &e) * e;
  }
  return s;
}

void stencil3(double *restrict o, const double *restrict in, int nx, int ny,
              int nz) {
  for (int z = 1; z < nz - 1; z++)
    for (int y = 1; y < ny - 1; y++)
      for (int x = 1; x < nx - 1; x++) {
        size_t c = ((size_t)z * ny + y) * nx + x;
        o[c] = in[c] * 0.4 + (in[c - 1] + in[c + 1] + in[c - nx] +
                              in[c + nx] + in[c - (size_t)nx * ny] +
                              in[c + (size_t)nx * ny]) * 0.1;
      }
}

void matmul(double *restrict c, const double *a, const double *b, int n) {
  for (int i = 0; i < n; i++)
    for (int k = 0; k < n; k++)
      for (int j = 0; j < n; j++) c[i * n + j] += a[i * n + k] * b[k * n + j];
}

void triangular(int *m, int n) {
  for (int i = 0; i < n; i++)
    for (int j = 0; j <= i; j++) m[i * (i + 1) / 2 + j] += i - j;
}

uint32_t crc_like(const uint8_t *p, size_t n, const uint32_t *tab) {
  uint32_t c = ~0u;
  for (size_t i = 0; i < n; i++) c = tab[(c ^ p[i]) & 255] ^ (c >> 8);
  return ~c;
}

void histogram(unsigned *h, const uint8_t *p, int n) {
  for (int i = 0; i < n; i++) h[p[i]]++;
}

int64_t reduce_i64(const int64_t *a, int n) {
  int64_t s = 0, m = 0;
  for (int i = 0; i < n; i++) { s += a[i]; m = a[i] > m ? a[i] : m; }
  return s ^ m;
}

void interleave(float *restrict o, const float *restrict re,
                const float *restrict im, int n) {
  for (int i = 0; i < n; i++) { o[2 * i] = re[i]; o[2 * i + 1] = im[i]; }
}

void conv(float *restrict o, const float *restrict in, const float *k, int n,
          int kn) {
  for (int i = 0; i < n; i++) {
    float s = 0;
    for (int j = 0; j < kn; j++) s += in[i + j] * k[j];
    o[i] = s;
  }
}

void memset_loop(char *p, int rows, int cols) {
  for (int r = 0; r < rows; r++) __builtin_memset(p + (size_t)r * cols, r, cols);
}

void memcpy_loop(char *d, const char *s, int rows, int cols, int stride) {
  for (int r = 0; r < rows; r++)
    __builtin_memcpy(d + (size_t)r * stride, s + (size_t)r * cols, cols);
}

void atomic_loop(_Atomic int *c, int n) {
  for (int i = 0; i < n; i++) c[i & 15] += i;
}
