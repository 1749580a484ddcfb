/* test_fast.c: the verifier's fast path (runtime/verify/verify_fast.h)
 * against Zydis and analyze(), instruction by instruction. Every form the
 * fast path accepts must be one Zydis decodes to the same length and
 * analyze() accepts with the same facts; a form it declines costs nothing
 * (it goes to Zydis). Three generators, in default and stores-only mode:
 *  - every one-byte and 0f opcode under a set of prefix/REX combinations,
 *    with every modrm byte (SIB, displacement and immediate random);
 *  - every VEX (c5, c4 maps 1-3) opcode with every modrm byte, the VEX
 *    fields random;
 *  - prefix soup: 0-4 random prefixes (all legacy ones, REX anywhere)
 *    before a random opcode and random bytes;
 *  - random bytes.
 * Fails on any difference, or if the fast path accepted fewer forms than
 * it should (so a fast path switched off cannot pass).
 * Usage: test_verify_fast [random-iterations] [seed] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "verify.h"

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint32_t rnd(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)(rng >> 16);
}

static long accepted, checked, failures;

static void check(const uint8_t *b, int stores) {
  char why[512];
  checked++;
  int r = sfi__verify_crosscheck_insn(b, stores, why, sizeof why);
  if (r > 0)
    accepted++;
  if (r < 0) {
    /* the first mismatch of each opcode (two bytes after prefixes) */
    static uint8_t seen[2][65536 / 8];
    int i = 0;
    while (i < 8 && (b[i] == 0x66 || b[i] == 0x67 || b[i] == 0x65 ||
                     b[i] == 0xf2 || b[i] == 0xf3 || (b[i] & 0xf0) == 0x40))
      i++;
    unsigned key = (unsigned)b[i] << 8 | b[i + 1];
    if (b[i] != 0x0f)
      key = b[i];
    int first = !(seen[stores][key / 8] & (1 << key % 8));
    seen[stores][key / 8] |= (uint8_t)(1 << key % 8);
    if (first && failures++ < 200) {
      printf("MISMATCH (%s):", stores ? "stores-only" : "default");
      for (int i = 0; i < 16; i++)
        printf(" %02x", b[i]);
      printf("\n  %s\n", why);
    } else if (!first) {
      failures++;
    }
  }
}

static void fill_random(uint8_t *b, int from) {
  for (int i = from; i < 16; i++)
    b[i] = (uint8_t)rnd();
}

/* prefix/REX combinations of the exhaustive pass */
static const char *const combos[] = {
    "",       "66",       "f2",       "f3",       "65 67",    "67",
    "65",     "66 65 67", "f3 65 67", "f2 65 67", "65 67 66", "f0",
    "2e",     "64",       "66 66",    "f3 66",    "3e",       "67 65",
};
static const int rexes[] = {-1, 0x40, 0x41, 0x42, 0x44, 0x48, 0x49, 0x4c, 0x4f};

static int parse(const char *s, uint8_t *out) {
  int n = 0;
  while (*s) {
    out[n++] = (uint8_t)strtoul(s, (char **)&s, 16);
    while (*s == ' ')
      s++;
  }
  return n;
}

static void exhaustive(int stores) {
  for (size_t ci = 0; ci < sizeof combos / sizeof *combos; ci++)
    for (size_t ri = 0; ri < sizeof rexes / sizeof *rexes; ri++)
      for (int map = 0; map < 2; map++)
        for (int op = 0; op < 256; op++)
          for (int modrm = 0; modrm < 256; modrm++) {
            uint8_t b[16];
            int n = parse(combos[ci], b);
            if (rexes[ri] >= 0)
              b[n++] = (uint8_t)rexes[ri];
            if (map)
              b[n++] = 0x0f;
            b[n++] = (uint8_t)op;
            b[n++] = (uint8_t)modrm;
            fill_random(b, n);
            /* small displacements and immediates matter for %rsp frames */
            if (rnd() % 2)
              for (int i = n; i < 16; i++)
                b[i] = rnd() % 3 ? 0 : (uint8_t)(rnd() % 16);
            check(b, stores);
          }
}

/* VEX: c5 and c4 (maps 1-3) for every opcode and modrm byte, the VEX
 * payload random (vvvv, L, pp, W, R/X/B), with and without %gs:/0x67 */
static void exhaustive_vex(int stores) {
  static const char *const pre[] = {"", "65 67", "67", "66", "48"};
  for (size_t ci = 0; ci < sizeof pre / sizeof *pre; ci++)
    for (int form = 0; form < 4; form++)
      for (int op = 0; op < 256; op++)
        for (int modrm = 0; modrm < 256; modrm++) {
          uint8_t b[16];
          int n = parse(pre[ci], b);
          if (form == 0) {
            b[n++] = 0xc5;
            b[n++] = (uint8_t)rnd();
            if (rnd() % 2) /* vvvv = 1111 (unused) is the common case */
              b[n - 1] |= 0x78;
          } else {
            b[n++] = 0xc4;
            b[n++] = (uint8_t)((rnd() & 0xe0) | form);
            b[n++] = (uint8_t)rnd();
            if (rnd() % 2)
              b[n - 1] |= 0x78;
          }
          b[n++] = (uint8_t)op;
          b[n++] = (uint8_t)modrm;
          fill_random(b, n);
          if (rnd() % 2)
            for (int i = n; i < 16; i++)
              b[i] = rnd() % 3 ? 0 : (uint8_t)(rnd() % 16);
          check(b, stores);
        }
}

static const uint8_t prefixes[] = {0x66, 0x67, 0x65, 0x64, 0xf2, 0xf3,
                                   0xf0, 0x2e, 0x3e, 0x26, 0x36, 0x48,
                                   0x41, 0x40, 0x4c, 0x0f, 0xc5, 0xc4};

static void soup(long n, int stores) {
  for (long k = 0; k < n; k++) {
    uint8_t b[16];
    int np = (int)(rnd() % 5), i = 0;
    for (; i < np; i++)
      b[i] = prefixes[rnd() % sizeof prefixes];
    fill_random(b, i);
    if (rnd() % 4 == 0)
      b[i + 2] = (uint8_t)(rnd() % 2 ? 0x24 : 0x25); /* rsp SIB, rip */
    check(b, stores);
  }
}

int main(int argc, char **argv) {
  long iters = argc > 1 ? atol(argv[1]) : 1000000;
  if (argc > 2)
    rng = strtoull(argv[2], NULL, 0) | 1;
  long acc0;
  for (int stores = 0; stores < 2; stores++) {
    acc0 = accepted;
    exhaustive(stores);
    long ex = accepted - acc0;
    acc0 = accepted;
    exhaustive_vex(stores);
    long vx = accepted - acc0;
    acc0 = accepted;
    soup(iters, stores);
    long sp = accepted - acc0;
    acc0 = accepted;
    for (long k = 0; k < iters / 4; k++) {
      uint8_t b[16];
      fill_random(b, 0);
      check(b, stores);
    }
    printf("%s: fast path accepted %ld exhaustive, %ld VEX, %ld prefix-soup, "
           "%ld random forms, all as Zydis sees them\n",
           stores ? "stores-only" : "default", ex, vx, sp, accepted - acc0);
    /* the exhaustive pass alone has >100000 forms the fast path knows */
    if (ex < 100000 || vx < 5000) {
      printf("FAIL: the fast path accepted too few forms\n");
      failures++;
    }
  }
  printf("%ld forms checked, %ld accepted by the fast path, %ld mismatches\n",
         checked, accepted, failures);
  return failures ? 1 : 0;
}
