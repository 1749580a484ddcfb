/* cg.c: sparse solver in the manner of SPEC's sparse kernels: conjugate
 * gradients on a generated symmetric positive definite matrix in CSR form
 * (a 2-D Laplacian with random extra couplings). Usage: cg [small|full] */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rs = 0xbb67ae8584caa73bull;
static uint32_t rnd(void) {
  rs ^= rs << 13;
  rs ^= rs >> 7;
  rs ^= rs << 17;
  return (uint32_t)(rs >> 20);
}

typedef struct {
  int n;
  int *rowp, *col;
  double *val;
} csr;

/* Entries (i, j, v) gathered then sorted by (i, j) into CSR. */
typedef struct {
  int i, j;
  double v;
} ent;
static int ent_cmp(const void *a, const void *b) {
  const ent *x = a, *y = b;
  if (x->i != y->i)
    return x->i < y->i ? -1 : 1;
  return x->j < y->j ? -1 : x->j > y->j;
}

static csr build(int g, int extra) {
  int n = g * g, cap = 5 * n + 2 * extra, ne = 0;
  ent *e = malloc(sizeof(ent) * (size_t)cap);
  double *diag = calloc((size_t)n, sizeof(double));
  for (int y = 0; y < g; y++)
    for (int x = 0; x < g; x++) {
      int i = y * g + x;
      if (x + 1 < g) {
        e[ne++] = (ent){i, i + 1, -1.0};
        e[ne++] = (ent){i + 1, i, -1.0};
        diag[i] += 1.0;
        diag[i + 1] += 1.0;
      }
      if (y + 1 < g) {
        e[ne++] = (ent){i, i + g, -1.0};
        e[ne++] = (ent){i + g, i, -1.0};
        diag[i] += 1.0;
        diag[i + g] += 1.0;
      }
    }
  for (int k = 0; k < extra / 2; k++) {
    int i = (int)(rnd() % (uint32_t)n), j = (int)(rnd() % (uint32_t)n);
    if (i == j)
      continue;
    double w = -0.25 * (1 + rnd() % 4);
    e[ne++] = (ent){i, j, w};
    e[ne++] = (ent){j, i, w};
    diag[i] -= w;
    diag[j] -= w;
  }
  for (int i = 0; i < n; i++)
    e[ne++] = (ent){i, i, diag[i] + 0.01}; /* strictly diagonally dominant */
  qsort(e, (size_t)ne, sizeof(ent), ent_cmp);
  csr m = {n, calloc((size_t)n + 1, sizeof(int)), malloc(sizeof(int) * (size_t)ne),
           malloc(sizeof(double) * (size_t)ne)};
  int nz = 0;
  for (int k = 0; k < ne; k++) {
    if (nz > 0 && m.col[nz - 1] == e[k].j && k > 0 && e[k - 1].i == e[k].i) {
      m.val[nz - 1] += e[k].v; /* duplicate (i, j): sum */
      continue;
    }
    m.col[nz] = e[k].j;
    m.val[nz++] = e[k].v;
    m.rowp[e[k].i + 1] = nz;
  }
  for (int i = 0; i < n; i++)
    if (m.rowp[i + 1] < m.rowp[i])
      m.rowp[i + 1] = m.rowp[i];
  free(e);
  free(diag);
  return m;
}

static void spmv(const csr *m, const double *x, double *y) {
  for (int i = 0; i < m->n; i++) {
    double s = 0;
    for (int k = m->rowp[i]; k < m->rowp[i + 1]; k++)
      s += m->val[k] * x[m->col[k]];
    y[i] = s;
  }
}
static double dot(int n, const double *a, const double *b) {
  double s = 0;
  for (int i = 0; i < n; i++)
    s += a[i] * b[i];
  return s;
}

int main(int argc, char **argv) {
  const char *size = argc > 1 ? argv[1] : "full";
  int g, maxit, solves;
  if (!strcmp(size, "small")) {
    g = 40;
    maxit = 100;
    solves = 1;
  } else if (!strcmp(size, "full")) {
    g = 700;
    maxit = 400;
    solves = 3;
  } else {
    fprintf(stderr, "usage: cg [small|full]\n");
    return 2;
  }
  csr m = build(g, g * g / 4);
  int n = m.n;
  double *x = malloc(sizeof(double) * (size_t)n), *b = malloc(sizeof(double) * (size_t)n);
  double *r = malloc(sizeof(double) * (size_t)n), *p = malloc(sizeof(double) * (size_t)n);
  double *q = malloc(sizeof(double) * (size_t)n);
  uint64_t h = 1469598103934665603ull;
  for (int s = 0; s < solves; s++) {
    for (int i = 0; i < n; i++) {
      b[i] = (double)(rnd() % 1000) / 1000.0;
      x[i] = 0;
      r[i] = b[i];
      p[i] = b[i];
    }
    double rr = dot(n, r, r), rr0 = rr;
    int it = 0;
    while (it < maxit && rr > 1e-20 * rr0) {
      spmv(&m, p, q);
      double alpha = rr / dot(n, p, q);
      for (int i = 0; i < n; i++) {
        x[i] += alpha * p[i];
        r[i] -= alpha * q[i];
      }
      double rr1 = dot(n, r, r);
      double beta = rr1 / rr;
      rr = rr1;
      for (int i = 0; i < n; i++)
        p[i] = r[i] + beta * p[i];
      it++;
    }
    double xs = 0;
    for (int i = 0; i < n; i++)
      xs += x[i];
    int64_t q6 = (int64_t)llround(xs * 1e3);
    h = (h ^ (uint64_t)q6 ^ (uint64_t)it << 40) * 1099511628211ull;
    printf("solve %d: n=%d nnz=%d iterations=%d sum(x)=%.3f\n", s, n,
           m.rowp[n], it, xs);
  }
  printf("checksum: %016llx\n", (unsigned long long)h);
  return 0;
}
