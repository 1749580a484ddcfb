/* Loops over locals that live on the shadow stack (escaping, variable
 * index), VLAs and alloca() inside loops (dynamic shadow frames with
 * stacksave/stackrestore), __builtin_frame_address in loops. */
#include <stddef.h>
#include <stdint.h>
#include <alloca.h>

void sink(void *p);
int ext(int);

int local_array(int n) {
  int a[256];
  for (int i = 0; i < 256; i++) a[i] = i * n;
  int s = 0;
  for (int i = 0; i < n; i++) s += a[(i * 7) & 255];
  sink(a);
  return s;
}

long vla_in_loop(int n, int m) {
  long s = 0;
  for (int i = 0; i < n; i++) {
    long buf[m + i];
    for (int j = 0; j < m + i; j++) buf[j] = j * i;
    sink(buf);
    for (int j = 0; j < m + i; j++) s += buf[j];
  }
  return s;
}

long alloca_in_loop(int n) {
  long s = 0;
  for (int i = 1; i < n; i++) {
    char *p = alloca(i * 16);
    for (int j = 0; j < i * 16; j++) p[j] = (char)j;
    sink(p);
    s += p[i];
  }
  return s;
}

int nested_vla(int n) {
  int t = 0;
  for (int i = 1; i <= n; i++) {
    int row[i];
    for (int j = 0; j < i; j++) {
      int col[j + 1];
      for (int k = 0; k <= j; k++) col[k] = k + j;
      row[j] = col[j / 2];
      sink(col);
    }
    sink(row);
    for (int j = 0; j < i; j++) t += row[j];
  }
  return t;
}

uintptr_t frames(int n) {
  uintptr_t s = 0;
  char x[32];
  for (int i = 0; i < n; i++) {
    s += (uintptr_t)__builtin_frame_address(0) - (uintptr_t)&x[i & 31];
    x[i & 31] = (char)s;
  }
  sink(x);
  return s;
}

struct big { long v[40]; };
long byval_in_loop(struct big b, int n);
long pass_big(int n) {
  struct big b;
  long s = 0;
  for (int i = 0; i < 40; i++) b.v[i] = i;
  for (int i = 0; i < n; i++) {
    b.v[i % 40] += i;
    s += byval_in_loop(b, i);
  }
  return s;
}

long many_args(long a, long b, long c, long d, long e, long f, long g, long h,
               double x1, double x2, double x3, double x4, double x5,
               double x6, double x7, double x8, double x9, long double ld);
long call_many(int n, long *v) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += many_args(v[i], v[i + 1], i, n, s, v[i * 2], v[i + 3], i * i, i, 1, 2,
                   3, 4, 5, 6, 7, v[i], (long double)i);
  return s;
}

int escaped_counter(int n) {
  int i;
  int acc[8] = {0};
  for (i = 0; i < n; i++) {
    sink(&i);
    acc[i & 7] += ext(i);
  }
  sink(acc);
  return acc[3] + i;
}

void two_frames(int n, int *out) {
  int a[64], b[64];
  sink(a);
  sink(b);
  for (int i = 0; i < 64; i++) { a[i] = b[63 - i] + n; b[i] = a[i] * 2; }
  for (int i = 0; i < n && i < 64; i++) out[i] = a[i] + b[(i * 5) % 64];
}

long struct_local_walk(int n) {
  struct { int k; long v; } tab[100];
  for (int i = 0; i < 100; i++) { tab[i].k = i; tab[i].v = i * 3; }
  sink(tab);
  long s = 0;
  for (int i = 0; i < n; i++) s += tab[tab[i % 100].k].v;
  return s;
}
