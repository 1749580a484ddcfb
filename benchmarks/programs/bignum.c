/* bignum.c: arbitrary-precision arithmetic in the manner of SPEC's
 * big-integer and crypto kernels: pi to many digits by Machin's formula
 * (fixed point, base 10^9), and Karatsuba multiplication of large random
 * integers (base 2^32) checked against schoolbook. Usage: bignum [small|full] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASE 1000000000u

/* x = x / d (fixed point, x[0] is the integer part); returns nonzero if x != 0. */
static int divsmall(uint32_t *x, int n, uint32_t d) {
  uint64_t r = 0;
  int nz = 0;
  for (int i = 0; i < n; i++) {
    uint64_t cur = r * BASE + x[i];
    x[i] = (uint32_t)(cur / d);
    r = cur % d;
    nz |= x[i] != 0;
  }
  return nz;
}
static void addto(uint32_t *acc, const uint32_t *x, int n, int sub) {
  int64_t carry = 0;
  for (int i = n - 1; i >= 0; i--) {
    int64_t v = (int64_t)acc[i] + (sub ? -(int64_t)x[i] : (int64_t)x[i]) + carry;
    carry = 0;
    if (v < 0) {
      v += BASE;
      carry = -1;
    } else if (v >= BASE) {
      v -= BASE;
      carry = 1;
    }
    acc[i] = (uint32_t)v;
  }
}

/* acc += sign * c * arctan(1/k) */
static void arctan_inv(uint32_t *acc, int n, uint32_t k, uint32_t c, int sub,
                       uint32_t *pw, uint32_t *term) {
  memset(pw, 0, sizeof(uint32_t) * (size_t)n);
  pw[0] = c;
  divsmall(pw, n, k);
  for (uint32_t j = 1;; j += 2) {
    memcpy(term, pw, sizeof(uint32_t) * (size_t)n);
    if (!divsmall(term, n, j))
      break;
    addto(acc, term, n, sub ^ ((j / 2) & 1));
    if (!divsmall(pw, n, k * k))
      break;
  }
}

/* r[0..2n) = a * b, schoolbook, little-endian base 2^32 limbs. */
static void mul_school(const uint32_t *a, const uint32_t *b, int n, uint32_t *r) {
  memset(r, 0, sizeof(uint32_t) * 2 * (size_t)n);
  for (int i = 0; i < n; i++) {
    uint64_t carry = 0;
    for (int j = 0; j < n; j++) {
      uint64_t t = (uint64_t)a[i] * b[j] + r[i + j] + carry;
      r[i + j] = (uint32_t)t;
      carry = t >> 32;
    }
    r[i + n] = (uint32_t)carry;
  }
}
static uint32_t add_n(uint32_t *r, const uint32_t *a, const uint32_t *b, int n) {
  uint64_t c = 0;
  for (int i = 0; i < n; i++) {
    c += (uint64_t)a[i] + b[i];
    r[i] = (uint32_t)c;
    c >>= 32;
  }
  return (uint32_t)c;
}
static void sub_in(uint32_t *r, const uint32_t *a, int n, int rn) { /* r -= a */
  int64_t b = 0;
  for (int i = 0; i < rn && (i < n || b); i++) {
    int64_t t = (int64_t)r[i] - (i < n ? a[i] : 0) + b;
    r[i] = (uint32_t)t;
    b = t >> 32;
  }
}
static void add_in(uint32_t *r, const uint32_t *a, int n, int rn) { /* r += a */
  uint64_t c = 0;
  int i = 0;
  for (; i < n; i++) {
    c += (uint64_t)r[i] + a[i];
    r[i] = (uint32_t)c;
    c >>= 32;
  }
  for (; c && i < rn; i++) {
    c += r[i];
    r[i] = (uint32_t)c;
    c >>= 32;
  }
}
/* Karatsuba for n a power of two; scratch needs 6n limbs. */
static void mul_kara(const uint32_t *a, const uint32_t *b, int n, uint32_t *r,
                     uint32_t *scratch) {
  if (n <= 32) {
    mul_school(a, b, n, r);
    return;
  }
  int h = n / 2;
  uint32_t *sa = scratch, *sb = scratch + h + 1, *mid = scratch + 2 * h + 2;
  uint32_t *rest = scratch + 4 * h + 4;
  mul_kara(a, b, h, r, rest);
  mul_kara(a + h, b + h, h, r + n, rest);
  uint32_t ca = add_n(sa, a, a + h, h), cb = add_n(sb, b, b + h, h);
  /* (sa + ca B^h)(sb + cb B^h) = sa sb + B^h (ca sb + cb sa) + ca cb B^2h */
  memset(mid, 0, sizeof(uint32_t) * (size_t)(2 * h + 2));
  mul_kara(sa, sb, h, mid, rest);
  if (ca)
    add_in(mid + h, sb, h, h + 2);
  if (cb)
    add_in(mid + h, sa, h, h + 2);
  if (ca && cb)
    add_in(mid + 2 * h, (const uint32_t[]){1}, 1, 2);
  sub_in(mid, r, 2 * h, 2 * h + 2);
  sub_in(mid, r + n, 2 * h, 2 * h + 2);
  add_in(r + h, mid, 2 * h + 1, 3 * h);
}

int main(int argc, char **argv) {
  const char *size = argc > 1 ? argv[1] : "full";
  int digits, klimbs, kreps;
  if (!strcmp(size, "small")) {
    digits = 900, klimbs = 256, kreps = 1;
  } else if (!strcmp(size, "full")) {
    digits = 32000, klimbs = 16384, kreps = 8;
  } else {
    fprintf(stderr, "usage: bignum [small|full]\n");
    return 2;
  }
  int n = digits / 9 + 3;
  uint32_t *pi = calloc((size_t)n, 4), *pw = malloc(4 * (size_t)n);
  uint32_t *term = malloc(4 * (size_t)n);
  if (!pi || !pw || !term)
    return 1;
  /* pi = 16 atan(1/5) - 4 atan(1/239) */
  arctan_inv(pi, n, 5, 16, 0, pw, term);
  arctan_inv(pi, n, 239, 4, 1, pw, term);
  uint64_t h = 1469598103934665603ull;
  for (int i = 0; i < n - 2; i++)
    h = (h ^ pi[i]) * 1099511628211ull;
  printf("pi = %u.%09u%09u... (%d digits)\n", pi[0], pi[1], pi[2], digits);
  printf("pi digits %d-%d: %09u\n", (n - 3) * 9 - 8, (n - 3) * 9, pi[n - 3]);
  int k = klimbs;
  uint32_t *a = malloc(4 * (size_t)k), *b = malloc(4 * (size_t)k);
  uint32_t *r1 = malloc(8 * (size_t)k), *r2 = malloc(8 * (size_t)k);
  uint32_t *scratch = malloc(4 * (size_t)(8 * k + 64));
  if (!a || !b || !r1 || !r2 || !scratch)
    return 1;
  uint32_t x = 88172645u;
  int ok = 1;
  for (int rep = 0; rep < kreps; rep++) {
    for (int i = 0; i < k; i++) {
      x ^= x << 13, x ^= x >> 17, x ^= x << 5;
      a[i] = x;
      x ^= x << 13, x ^= x >> 17, x ^= x << 5;
      b[i] = rep == 0 && i % 7 == 0 ? 0xffffffffu : x; /* carry stress */
    }
    mul_kara(a, b, k, r1, scratch);
    if (rep == 0) {
      mul_school(a, b, k, r2);
      ok = memcmp(r1, r2, 8 * (size_t)k) == 0;
    }
    for (int i = 0; i < 2 * k; i++)
      h = (h ^ r1[i]) * 1099511628211ull;
  }
  printf("karatsuba %d limbs x%d: %s\n", k, kreps, ok ? "ok" : "MISMATCH");
  printf("checksum: %016llx\n", (unsigned long long)h);
  free(pi); free(pw); free(term); free(a); free(b); free(r1); free(r2); free(scratch);
  return !ok;
}
