/* compress.c: benchmark in the manner of SPEC's bzip2/xz: LZ77 with hash
 * chains plus canonical Huffman coding of generated text, then decoding and
 * a round-trip check. Usage: compress [small|full] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WIN 32768
#define MAXMATCH 258
#define HBITS 15
#define NLIT 272 /* 256 literals + 16 length buckets */
#define NDIST 30
#define MAXBITS 15
#define BLOCK (1 << 20)

static uint64_t rs = 0x9e3779b97f4a7c15ull;
static uint32_t rnd(void) {
  rs ^= rs << 13;
  rs ^= rs >> 7;
  rs ^= rs << 17;
  return (uint32_t)(rs >> 16);
}

/* Text with words drawn from a skewed vocabulary: compressible like prose. */
static void gen_text(uint8_t *t, size_t n) {
  static char words[512][12];
  for (int w = 0; w < 512; w++) {
    int len = 2 + (int)(rnd() % 9);
    for (int i = 0; i < len; i++)
      words[w][i] = (char)('a' + rnd() % 26);
    words[w][len] = 0;
  }
  size_t p = 0;
  while (p < n) {
    uint32_t r = rnd();
    int w = (int)((r & 511) & ((r >> 9) & 511)); /* biased to small ids */
    const char *s = words[w];
    while (*s && p < n)
      t[p++] = (uint8_t)*s++;
    if (p < n)
      t[p++] = (rnd() % 13 == 0) ? '\n' : ' ';
  }
}

/* Value v >= 0 -> bucket code and extra bits (deflate-like). */
static int bucket(uint32_t v, int *nextra) {
  if (v < 4) {
    *nextra = 0;
    return (int)v;
  }
  int nb = 31 - __builtin_clz(v);
  *nextra = nb - 1;
  return 2 * nb + (int)((v >> (nb - 1)) & 1);
}
static uint32_t bucket_base(int code, int *nextra) {
  if (code < 4) {
    *nextra = 0;
    return (uint32_t)code;
  }
  int nb = code / 2;
  *nextra = nb - 1;
  return (2u | (uint32_t)(code & 1)) << (nb - 1);
}

typedef struct {
  uint8_t *buf;
  size_t pos;
  uint64_t acc;
  int n;
} bitw;
static void putbits(bitw *w, uint32_t v, int n) {
  w->acc |= (uint64_t)v << w->n;
  w->n += n;
  while (w->n >= 8) {
    w->buf[w->pos++] = (uint8_t)w->acc;
    w->acc >>= 8;
    w->n -= 8;
  }
}
static void flushbits(bitw *w) {
  if (w->n > 0)
    w->buf[w->pos++] = (uint8_t)w->acc;
  w->acc = 0;
  w->n = 0;
}
typedef struct {
  const uint8_t *buf;
  size_t pos;
  uint64_t acc;
  int n;
} bitr;
static uint32_t getbits(bitr *r, int n) {
  while (r->n < n) {
    r->acc |= (uint64_t)r->buf[r->pos++] << r->n;
    r->n += 8;
  }
  uint32_t v = (uint32_t)(r->acc & ((1ull << n) - 1));
  r->acc >>= n;
  r->n -= n;
  return v;
}

/* Code lengths by the heap method; frequencies flattened until <= MAXBITS. */
static void build_lengths(const uint32_t *freq, int n, uint8_t *len) {
  uint32_t f[NLIT];
  memcpy(f, freq, (size_t)n * sizeof f[0]);
  for (;;) {
    int par[2 * NLIT], heap[2 * NLIT], hn = 0, nn = n;
    uint64_t w[2 * NLIT];
    for (int i = 0; i < n; i++) {
      len[i] = 0;
      if (f[i]) {
        w[i] = ((uint64_t)f[i] << 16) | (uint64_t)i; /* total order */
        int c = hn++;
        while (c > 0 && w[heap[(c - 1) / 2]] > w[i]) {
          heap[c] = heap[(c - 1) / 2];
          c = (c - 1) / 2;
        }
        heap[c] = i;
      }
    }
    if (hn == 0)
      return;
    if (hn == 1) {
      len[heap[0]] = 1;
      return;
    }
    while (hn > 1) {
      int two[2];
      for (int k = 0; k < 2; k++) {
        two[k] = heap[0];
        int last = heap[--hn], c = 0;
        for (;;) {
          int ch = 2 * c + 1;
          if (ch >= hn)
            break;
          if (ch + 1 < hn && w[heap[ch + 1]] < w[heap[ch]])
            ch++;
          if (w[heap[ch]] >= w[last])
            break;
          heap[c] = heap[ch];
          c = ch;
        }
        heap[c] = last;
      }
      int nd = nn++;
      w[nd] = ((w[two[0]] >> 16) + (w[two[1]] >> 16)) << 16 | (uint64_t)nd;
      par[two[0]] = nd;
      par[two[1]] = nd;
      int c = hn++;
      while (c > 0 && w[heap[(c - 1) / 2]] > w[nd]) {
        heap[c] = heap[(c - 1) / 2];
        c = (c - 1) / 2;
      }
      heap[c] = nd;
    }
    int root = heap[0], maxl = 0, depth[2 * NLIT];
    depth[root] = 0;
    for (int i = nn - 1; i >= 0; i--)
      if (i != root && (i >= n || f[i]))
        depth[i] = depth[par[i]] + 1;
    for (int i = 0; i < n; i++)
      if (f[i]) {
        len[i] = (uint8_t)depth[i];
        if (depth[i] > maxl)
          maxl = depth[i];
      }
    if (maxl <= MAXBITS)
      return;
    for (int i = 0; i < n; i++)
      if (f[i])
        f[i] = (f[i] >> 1) | 1;
  }
}

typedef struct {
  uint16_t count[MAXBITS + 1];
  uint16_t sym[NLIT];
  uint32_t code[NLIT]; /* bit-reversed, for LSB-first output */
} huff;

static void make_codes(huff *h, const uint8_t *len, int n) {
  uint16_t offs[MAXBITS + 2];
  memset(h->count, 0, sizeof h->count);
  for (int i = 0; i < n; i++)
    h->count[len[i]]++;
  h->count[0] = 0;
  offs[1] = 0;
  for (int l = 1; l <= MAXBITS; l++)
    offs[l + 1] = (uint16_t)(offs[l] + h->count[l]);
  for (int i = 0; i < n; i++)
    if (len[i])
      h->sym[offs[len[i]]++] = (uint16_t)i;
  uint32_t code = 0, next[MAXBITS + 1];
  for (int l = 1; l <= MAXBITS; l++) {
    code = (code + h->count[l - 1]) << 1;
    next[l] = code;
  }
  for (int i = 0; i < n; i++) {
    int l = len[i];
    if (!l)
      continue;
    uint32_t c = next[l]++, r = 0;
    for (int b = 0; b < l; b++)
      r |= ((c >> b) & 1) << (l - 1 - b);
    h->code[i] = r;
  }
}

static int decode_sym(bitr *r, const huff *h) {
  int code = 0, first = 0, index = 0;
  for (int l = 1; l <= MAXBITS; l++) {
    code |= (int)getbits(r, 1);
    int count = h->count[l];
    if (code - first < count)
      return h->sym[index + (code - first)];
    index += count;
    first += count;
    first <<= 1;
    code <<= 1;
  }
  return -1;
}

typedef struct {
  uint16_t len; /* 0: literal */
  uint16_t dist_or_lit;
} token;

static size_t lz77(const uint8_t *in, size_t n, token *out, int32_t *head,
                   int32_t *prev) {
  size_t nt = 0;
  for (int i = 0; i < (1 << HBITS); i++)
    head[i] = -1;
  size_t i = 0;
  while (i < n) {
    int best = 0, bestd = 0;
    if (i + 3 <= n) {
      uint32_t h = ((uint32_t)in[i] << 10 ^ (uint32_t)in[i + 1] << 5 ^ in[i + 2]) &
                   ((1u << HBITS) - 1);
      int32_t c = head[h];
      int chain = 48;
      size_t maxl = n - i < MAXMATCH ? n - i : MAXMATCH;
      while (c >= 0 && i - (size_t)c <= WIN - 1 && chain-- > 0) {
        if (in[c + best] == in[i + best]) {
          size_t l = 0;
          while (l < maxl && in[c + l] == in[i + l])
            l++;
          if ((int)l > best) {
            best = (int)l;
            bestd = (int)(i - (size_t)c);
            if (l == maxl)
              break;
          }
        }
        c = prev[c];
      }
      prev[i] = head[h];
      head[h] = (int32_t)i;
    }
    if (best >= 3) {
      out[nt].len = (uint16_t)best;
      out[nt++].dist_or_lit = (uint16_t)bestd;
      for (int k = 1; k < best; k++) {
        size_t j = i + (size_t)k;
        if (j + 3 <= n) {
          uint32_t h = ((uint32_t)in[j] << 10 ^ (uint32_t)in[j + 1] << 5 ^
                        in[j + 2]) & ((1u << HBITS) - 1);
          prev[j] = head[h];
          head[h] = (int32_t)j;
        }
      }
      i += (size_t)best;
    } else {
      out[nt].len = 0;
      out[nt++].dist_or_lit = in[i++];
    }
  }
  return nt;
}

static size_t compress_block(const uint8_t *in, size_t n, uint8_t *out,
                             token *tok, int32_t *head, int32_t *prev) {
  size_t nt = lz77(in, n, tok, head, prev);
  uint32_t fl[NLIT] = {0}, fd[NDIST] = {0};
  int ne;
  for (size_t i = 0; i < nt; i++) {
    if (tok[i].len == 0) {
      fl[tok[i].dist_or_lit]++;
    } else {
      fl[256 + bucket(tok[i].len - 3u, &ne)]++;
      fd[bucket(tok[i].dist_or_lit - 1u, &ne)]++;
    }
  }

  uint8_t ll[NLIT], dl[NDIST];
  build_lengths(fl, NLIT, ll);
  build_lengths(fd, NDIST, dl);
  huff hl, hd;
  make_codes(&hl, ll, NLIT);
  make_codes(&hd, dl, NDIST);
  bitw w = {out, 0, 0, 0};
  putbits(&w, (uint32_t)nt, 32);
  for (int i = 0; i < NLIT; i++)
    putbits(&w, ll[i], 4);
  for (int i = 0; i < NDIST; i++)
    putbits(&w, dl[i], 4);
  for (size_t i = 0; i < nt; i++) {
    if (tok[i].len == 0) {
      int s = tok[i].dist_or_lit;
      putbits(&w, hl.code[s], ll[s]);
    } else {
      uint32_t lv = tok[i].len - 3u, dv = tok[i].dist_or_lit - 1u;
      int s = 256 + bucket(lv, &ne);
      putbits(&w, hl.code[s], ll[s]);
      if (ne)
        putbits(&w, lv & ((1u << ne) - 1), ne);
      int d = bucket(dv, &ne);
      putbits(&w, hd.code[d], dl[d]);
      if (ne)
        putbits(&w, dv & ((1u << ne) - 1), ne);
    }
  }
  flushbits(&w);
  return w.pos;
}

static size_t decompress_block(const uint8_t *in, uint8_t *out) {
  bitr r = {in, 0, 0, 0};
  uint32_t nt = getbits(&r, 32);
  uint8_t ll[NLIT], dl[NDIST];
  for (int i = 0; i < NLIT; i++)
    ll[i] = (uint8_t)getbits(&r, 4);
  for (int i = 0; i < NDIST; i++)
    dl[i] = (uint8_t)getbits(&r, 4);
  huff hl, hd;
  make_codes(&hl, ll, NLIT);
  make_codes(&hd, dl, NDIST);
  size_t o = 0;
  int ne;
  for (uint32_t t = 0; t < nt; t++) {
    int s = decode_sym(&r, &hl);
    if (s < 0)
      return 0;
    if (s < 256) {
      out[o++] = (uint8_t)s;
      continue;
    }
    uint32_t lv = bucket_base(s - 256, &ne);
    if (ne)
      lv += getbits(&r, ne);
    int d = decode_sym(&r, &hd);
    if (d < 0)
      return 0;
    uint32_t dv = bucket_base(d, &ne);
    if (ne)
      dv += getbits(&r, ne);
    size_t len = lv + 3, dist = dv + 1;
    for (size_t k = 0; k < len; k++, o++)
      out[o] = out[o - dist];
  }
  return o;
}

int main(int argc, char **argv) {
  const char *size = argc > 1 ? argv[1] : "full";
  size_t n;
  int rounds;
  if (!strcmp(size, "small")) {
    n = 200000;
    rounds = 1;
  } else if (!strcmp(size, "full")) {
    n = 64u << 20;
    rounds = 1;
  } else {
    fprintf(stderr, "usage: compress [small|full]\n");
    return 2;
  }
  uint8_t *text = malloc(n), *back = malloc(BLOCK);
  uint8_t *comp = malloc(BLOCK * 2 + 4096);
  token *tok = malloc(sizeof(token) * BLOCK);
  int32_t *head = malloc(sizeof(int32_t) << HBITS);
  int32_t *prev = malloc(sizeof(int32_t) * BLOCK);
  if (!text || !back || !comp || !tok || !head || !prev)
    return 1;
  gen_text(text, n);
  uint64_t total = 0, h = 1469598103934665603ull;
  int bad = 0;
  for (int r = 0; r < rounds; r++)
    for (size_t off = 0; off < n; off += BLOCK) {
      size_t len = n - off < BLOCK ? n - off : BLOCK;
      size_t c = compress_block(text + off, len, comp, tok, head, prev);
      total += c;
      for (size_t i = 0; i < c; i++)
        h = (h ^ comp[i]) * 1099511628211ull;
      size_t d = decompress_block(comp, back);
      if (d != len || memcmp(back, text + off, len) != 0)
        bad++;
    }
  printf("compress: in=%zu out=%llu bad=%d\n", n, (unsigned long long)total,
         bad);
  printf("checksum: %016llx\n", (unsigned long long)h);
  free(text);
  free(back);
  free(comp);
  free(tok);
  free(head);
  free(prev);
  return bad != 0;
}
