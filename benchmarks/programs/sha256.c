/* sha256.c: a cryptographic hash in the manner of SPEC's integer kernels:
 * SHA-256 (FIPS 180-4) over a large generated buffer, plus an iterated
 * hash chain of short messages. Checked against the standard "abc" vector.
 * Usage: sha256 [small|full] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  uint32_t h[8];
  uint8_t buf[64];
  uint64_t len;
  size_t nbuf;
} sha256_ctx;

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static uint32_t ror(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void block(uint32_t *h, const uint8_t *p) {
  uint32_t w[64];
  for (int i = 0; i < 16; i++)
    w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
           (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5],
           g = h[6], hh = h[7];
  for (int i = 0; i < 64; i++) {
    uint32_t t1 = hh + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) +
                  ((e & f) ^ (~e & g)) + K[i] + w[i];
    uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) +
                  ((a & b) ^ (a & c) ^ (b & c));
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d;
  h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void sha_init(sha256_ctx *c) {
  static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372,
                                 0xa54ff53a, 0x510e527f, 0x9b05688c,
                                 0x1f83d9ab, 0x5be0cd19};
  memcpy(c->h, iv, sizeof iv);
  c->len = 0;
  c->nbuf = 0;
}
static void sha_update(sha256_ctx *c, const uint8_t *p, size_t n) {
  c->len += n;
  if (c->nbuf) {
    size_t k = 64 - c->nbuf < n ? 64 - c->nbuf : n;
    memcpy(c->buf + c->nbuf, p, k);
    c->nbuf += k;
    p += k;
    n -= k;
    if (c->nbuf < 64)
      return;
    block(c->h, c->buf);
    c->nbuf = 0;
  }
  for (; n >= 64; n -= 64, p += 64)
    block(c->h, p);
  memcpy(c->buf, p, n);
  c->nbuf = n;
}
static void sha_final(sha256_ctx *c, uint8_t out[32]) {
  uint64_t bits = c->len * 8;
  uint8_t pad[72] = {0x80};
  size_t padlen = (c->nbuf < 56 ? 56 : 120) - c->nbuf;
  for (int i = 0; i < 8; i++)
    pad[padlen + i] = (uint8_t)(bits >> (56 - 8 * i));
  sha_update(c, pad, padlen + 8);
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 4; j++)
      out[4 * i + j] = (uint8_t)(c->h[i] >> (24 - 8 * j));
}

static void hex(const uint8_t d[32], char out[65]) {
  for (int i = 0; i < 32; i++)
    sprintf(out + 2 * i, "%02x", d[i]);
}

int main(int argc, char **argv) {
  const char *size = argc > 1 ? argv[1] : "full";
  size_t mb, chain;
  if (!strcmp(size, "small")) {
    mb = 1, chain = 2000;
  } else if (!strcmp(size, "full")) {
    mb = 192, chain = 3000000;
  } else {
    fprintf(stderr, "usage: sha256 [small|full]\n");
    return 2;
  }
  uint8_t d[32];
  char hx[65];
  sha256_ctx c;
  sha_init(&c);
  sha_update(&c, (const uint8_t *)"abc", 3);
  sha_final(&c, d);
  hex(d, hx);
  int ok = !strcmp(hx, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  printf("sha256 abc vector: %s\n", ok ? "ok" : "WRONG");
  /* 1 MiB of generated data hashed mb times with a changing header. */
  size_t n = 1u << 20;
  uint8_t *buf = malloc(n);
  if (!buf)
    return 1;
  uint32_t x = 2463534242u;
  for (size_t i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    buf[i] = (uint8_t)x;
  }
  sha_init(&c);
  for (size_t r = 0; r < mb; r++) {
    buf[0] = (uint8_t)r;
    sha_update(&c, buf, n - (r % 61)); /* unaligned tails too */
  }
  sha_final(&c, d);
  hex(d, hx);
  printf("bulk: %s\n", hx);
  /* A chain of short messages: d = sha256(d || counter). */
  for (uint64_t i = 0; i < chain; i++) {
    uint8_t m[40];
    memcpy(m, d, 32);
    for (int k = 0; k < 8; k++)
      m[32 + k] = (uint8_t)(i >> (8 * k));
    sha_init(&c);
    sha_update(&c, m, 40);
    sha_final(&c, d);
  }
  hex(d, hx);
  printf("chain: %s\n", hx);
  uint64_t h = 0;
  for (int i = 0; i < 8; i++)
    h = h << 8 | d[i];
  printf("checksum: %016llx\n", (unsigned long long)h);
  free(buf);
  return !ok;
}
