/* linalg.c: dense linear algebra in the manner of SPEC's blocked kernels:
 * a cache-blocked matrix product and an LU factorisation with partial
 * pivoting, then a solve and its residual. Usage: linalg [small|full] */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rs = 0x6a09e667f3bcc909ull;
static double rndd(void) { /* uniform in [-1, 1) */
  rs ^= rs << 13;
  rs ^= rs >> 7;
  rs ^= rs << 17;
  return (double)(rs >> 11) * (2.0 / 9007199254740992.0) - 1.0;
}

/* Quantised hash: insensitive to the last bits, sensitive to real errors. */
static uint64_t qhash(uint64_t h, double x) {
  int64_t q = (int64_t)llround(x * 1e6);
  return (h ^ (uint64_t)q) * 1099511628211ull;
}

#define BS 48
static void matmul(int n, const double *a, const double *b, double *c) {
  memset(c, 0, sizeof(double) * (size_t)n * (size_t)n);
  for (int ii = 0; ii < n; ii += BS)
    for (int kk = 0; kk < n; kk += BS)
      for (int jj = 0; jj < n; jj += BS) {
        int ie = ii + BS < n ? ii + BS : n, ke = kk + BS < n ? kk + BS : n;
        int je = jj + BS < n ? jj + BS : n;
        for (int i = ii; i < ie; i++)
          for (int k = kk; k < ke; k++) {
            double aik = a[(size_t)i * n + k];
            const double *br = b + (size_t)k * n;
            double *cr = c + (size_t)i * n;
            for (int j = jj; j < je; j++)
              cr[j] += aik * br[j];
          }
      }
}

static int lu(int n, double *a, int *piv) {
  for (int k = 0; k < n; k++) {
    int p = k;
    double best = fabs(a[(size_t)k * n + k]);
    for (int i = k + 1; i < n; i++)
      if (fabs(a[(size_t)i * n + k]) > best) {
        best = fabs(a[(size_t)i * n + k]);
        p = i;
      }
    if (best == 0.0)
      return -1;
    piv[k] = p;
    if (p != k)
      for (int j = 0; j < n; j++) {
        double t = a[(size_t)k * n + j];
        a[(size_t)k * n + j] = a[(size_t)p * n + j];
        a[(size_t)p * n + j] = t;
      }
    double inv = 1.0 / a[(size_t)k * n + k];
    for (int i = k + 1; i < n; i++) {
      double *ri = a + (size_t)i * n, *rk = a + (size_t)k * n;
      double l = ri[k] * inv;
      ri[k] = l;
      for (int j = k + 1; j < n; j++)
        ri[j] -= l * rk[j];
    }
  }
  return 0;
}

static void lu_solve(int n, const double *a, const int *piv, double *x) {
  for (int k = 0; k < n; k++)
    if (piv[k] != k) {
      double t = x[k];
      x[k] = x[piv[k]];
      x[piv[k]] = t;
    }
  for (int i = 0; i < n; i++)
    for (int j = 0; j < i; j++)
      x[i] -= a[(size_t)i * n + j] * x[j];
  for (int i = n - 1; i >= 0; i--) {
    for (int j = i + 1; j < n; j++)
      x[i] -= a[(size_t)i * n + j] * x[j];
    x[i] /= a[(size_t)i * n + i];
  }
}

int main(int argc, char **argv) {
  const char *size = argc > 1 ? argv[1] : "full";
  int n, reps;
  if (!strcmp(size, "small")) {
    n = 64;
    reps = 1;
  } else if (!strcmp(size, "full")) {
    n = 1024;
    reps = 6;
  } else {
    fprintf(stderr, "usage: linalg [small|full]\n");
    return 2;
  }
  size_t nn = (size_t)n * (size_t)n;
  double *a = malloc(sizeof(double) * nn), *b = malloc(sizeof(double) * nn);
  double *c = malloc(sizeof(double) * nn), *lu_a = malloc(sizeof(double) * nn);
  double *x = malloc(sizeof(double) * (size_t)n);
  double *rhs = malloc(sizeof(double) * (size_t)n);
  int *piv = malloc(sizeof(int) * (size_t)n);
  if (!a || !b || !c || !lu_a || !x || !rhs || !piv)
    return 1;
  uint64_t h = 1469598103934665603ull;
  for (int r = 0; r < reps; r++) {
    for (size_t i = 0; i < nn; i++) {
      a[i] = rndd();
      b[i] = rndd();
    }
    for (int i = 0; i < n; i++)
      a[(size_t)i * n + i] += 4.0; /* well conditioned */
    matmul(n, a, b, c);
    double tr = 0;
    for (int i = 0; i < n; i++)
      tr += c[(size_t)i * n + i];
    h = qhash(h, tr);
    for (size_t i = 0; i < nn; i += 97)
      h = qhash(h, c[i]);
    memcpy(lu_a, a, sizeof(double) * nn);
    if (lu(n, lu_a, piv) != 0) {
      printf("singular\n");
      return 1;
    }
    for (int i = 0; i < n; i++)
      rhs[i] = x[i] = rndd();
    lu_solve(n, lu_a, piv, x);
    double res = 0, xs = 0;
    for (int i = 0; i < n; i++) {
      double s = -rhs[i];
      for (int j = 0; j < n; j++)
        s += a[(size_t)i * n + j] * x[j];
      res += s * s;
      xs += x[i];
    }
    h = qhash(h, xs);
    printf("rep %d: trace=%.6f sum(x)=%.6f residual_ok=%d\n", r, tr, xs,
           sqrt(res) < 1e-8);
  }
  printf("checksum: %016llx\n", (unsigned long long)h);
  free(a); free(b); free(c); free(lu_a); free(x); free(rhs); free(piv);
  return 0;
}
