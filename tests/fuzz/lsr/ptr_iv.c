/* LSR over pointer induction variables into region memory: globals, heap
 * arrays, strides, reverse walks, several pointers in step, pointer
 * compares as exit conditions, mixed index widths. */
#include <stddef.h>
#include <stdint.h>

int g32[4096];
int64_t g64[1024];
unsigned char gbytes[8192];
struct rec { int a; short b; char c; double d; } grec[512];

void *ext_alloc(size_t n);
void ext_use(void *p, long n);

long sum_ptr(const int *p, const int *e) {
  long s = 0;
  for (; p != e; ++p) s += *p;
  return s;
}

void copy_stride(int *d, const int *s, int n, int stride) {
  for (int i = 0; i < n; i++) d[i * stride] = s[i * stride + 3] + i;
}

void rev_copy(unsigned char *d, const unsigned char *s, unsigned n) {
  for (unsigned i = n; i-- > 0;) d[n - 1 - i] = s[i] ^ (unsigned char)i;
}

void three_ptrs(double *a, const double *b, const double *c, long n) {
  double *e = a + n;
  while (a < e) { *a++ = *b++ * *c; c += 2; }
}

int64_t recs(int n) {
  int64_t s = 0;
  for (struct rec *r = grec; r < grec + n; r++) {
    r->a += r->b;
    s += r->a + r->c + (int64_t)r->d;
  }
  return s;
}

void globals(int n) {
  for (int i = 0; i < n; i++) {
    g32[i] = g32[i + 1] + g32[i + 2] * 3;
    g64[i & 1023] += g32[i];
    gbytes[i * 2] = (unsigned char)g32[i];
  }
}

uint32_t mixed_idx(uint32_t *p, uint32_t n, int16_t k) {
  uint32_t h = 0;
  for (uint32_t i = 0; i < n; i += 3) {
    h ^= p[i] + p[(uint8_t)(i + k)];
    p[i + 1] = h;
  }
  return h;
}

long heap_walk(int n) {
  long *a = ext_alloc(n * sizeof(long));
  for (int i = 0; i < n; i++) a[i] = i * 7;
  for (int i = 1; i < n; i++) a[i] += a[i - 1];
  long r = a[n - 1];
  ext_use(a, n);
  return r;
}

void strided2(float *x, int n, ptrdiff_t s1, ptrdiff_t s2) {
  float *p = x, *q = x + 1;
  for (int i = 0; i < n; i++, p += s1, q += s2) *p = *q + *p;
}

size_t my_strlen(const char *s) {
  const char *p = s;
  while (*p) p++;
  return (size_t)(p - s);
}

char *my_memchr(char *s, int c, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] == (char)c) return s + i;
  return 0;
}

void unaligned_tail(uint8_t *d, const uint8_t *s, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t v;
    __builtin_memcpy(&v, s + i, 8);
    v = v * 0x9e3779b97f4a7c15ull;
    __builtin_memcpy(d + i, &v, 8);
  }
  for (; i < n; i++) d[i] = s[i] + 1;
}

long ptr_diff_loop(int *a, int *b) {
  long k = 0;
  while (b - a > 1) { a++; b--; k += *a * *b; }
  return k;
}

void matrix_ptr(double (*m)[64], int n) {
  for (double (*r)[64] = m; r < m + n; r++)
    for (double *c = *r; c < *r + 64; c++) *c *= 2.0;
}

int search_struct(struct rec **v, int n, int key) {
  for (int i = 0; i < n; i++)
    if (v[i]->a == key && v[i][1].b) return i;
  return -1;
}

void index_wrap(int *a, int n) {
  for (int i = -n; i < n; i++) a[i + n] = a[(i * i) & 255] + i;
}

int64_t countdown(const int64_t *p, int n) {
  int64_t s = 0;
  for (int i = n - 1; i >= 0; i -= 2) s += p[i] - p[i - 1];
  return s;
}
