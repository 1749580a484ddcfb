/* othello.c: benchmark in the manner of SPEC's deepsjeng/leela: alpha-beta
 * game-tree search of Othello on bitboards, with iterative deepening, a
 * Zobrist-hashed transposition table and move ordering. Usage:
 * othello [small|full] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rs = 0x853c49e6748fea9bull;
static uint64_t rnd64(void) {
  rs ^= rs << 13;
  rs ^= rs >> 7;
  rs ^= rs << 17;
  return rs;
}

#define NOT_A 0xfefefefefefefefeull /* no wrap into file A */
#define NOT_H 0x7f7f7f7f7f7f7f7full

static uint64_t shift(uint64_t b, int d) {
  switch (d) {
  case 0: return (b << 1) & NOT_A;
  case 1: return (b >> 1) & NOT_H;
  case 2: return b << 8;
  case 3: return b >> 8;
  case 4: return (b << 9) & NOT_A;
  case 5: return (b << 7) & NOT_H;
  case 6: return (b >> 7) & NOT_A;
  default: return (b >> 9) & NOT_H;
  }
}

static uint64_t moves(uint64_t me, uint64_t opp) {
  uint64_t empty = ~(me | opp), m = 0;
  for (int d = 0; d < 8; d++) {
    uint64_t x = shift(me, d) & opp;
    for (int k = 0; k < 5; k++)
      x |= shift(x, d) & opp;
    m |= shift(x, d) & empty;
  }
  return m;
}

static uint64_t flips(uint64_t me, uint64_t opp, uint64_t sq) {
  uint64_t f = 0;
  for (int d = 0; d < 8; d++) {
    uint64_t x = 0, s = shift(sq, d);
    while (s & opp) {
      x |= s;
      s = shift(s, d);
    }
    if (s & me)
      f |= x;
  }
  return f;
}

static uint64_t zob[2][64], zside;
static uint64_t hash_of(uint64_t me, uint64_t opp, int side) {
  uint64_t h = side ? zside : 0;
  for (int i = 0; i < 64; i++) {
    if (me >> i & 1)
      h ^= zob[side][i];
    if (opp >> i & 1)
      h ^= zob[side ^ 1][i];
  }
  return h;
}

typedef struct {
  uint64_t key;
  int16_t score;
  int8_t depth, flag, best;
} tt_entry;
#define TT_BITS 20
static tt_entry *tt;
static uint64_t nodes;

static const int8_t weights[64] = {
    100, -20, 10, 5, 5, 10, -20, 100, -20, -50, -2, -2, -2, -2, -50, -20,
    10,  -2,  1,  1, 1, 1,  -2,  10,  5,   -2,  1,  0,  0,  1,  -2,  5,
    5,   -2,  1,  0, 0, 1,  -2,  5,   10,  -2,  1,  1,  1,  1,  -2,  10,
    -20, -50, -2, -2, -2, -2, -50, -20, 100, -20, 10, 5,  5,  10, -20, 100};

static int eval(uint64_t me, uint64_t opp) {
  int s = 0;
  for (uint64_t b = me; b; b &= b - 1)
    s += weights[__builtin_ctzll(b)];
  for (uint64_t b = opp; b; b &= b - 1)
    s -= weights[__builtin_ctzll(b)];
  s += 4 * (__builtin_popcountll(moves(me, opp)) -
            __builtin_popcountll(moves(opp, me)));
  return s;
}

static int search(uint64_t me, uint64_t opp, int side, int depth, int alpha,
                  int beta, int passed) {
  nodes++;
  uint64_t key = hash_of(me, opp, side);
  tt_entry *e = &tt[key & ((1u << TT_BITS) - 1)];
  int best_move = -1;
  if (e->key == key) {
    best_move = e->best;
    if (e->depth >= depth) {
      if (e->flag == 0)
        return e->score;
      if (e->flag == 1 && e->score >= beta)
        return e->score;
      if (e->flag == 2 && e->score <= alpha)
        return e->score;
    }
  }
  if (depth == 0)
    return eval(me, opp);
  uint64_t m = moves(me, opp);
  if (!m) {
    if (passed || !moves(opp, me)) {
      int d = __builtin_popcountll(me) - __builtin_popcountll(opp);
      return d > 0 ? 10000 + d : d < 0 ? -10000 + d : 0;
    }
    return -search(opp, me, side ^ 1, depth, -beta, -alpha, 1);
  }
  int order[64], n = 0;
  if (best_move >= 0 && (m >> best_move & 1))
    order[n++] = best_move;
  for (uint64_t b = m; b; b &= b - 1) {
    int sq = __builtin_ctzll(b);
    if (sq != best_move)
      order[n++] = sq;
  }
  /* Corners and edges first by static weight (stable insertion sort). */
  for (int i = (best_move >= 0 ? 2 : 1); i < n; i++) {
    int x = order[i], j = i;
    while (j > (best_move >= 0 ? 1 : 0) && weights[order[j - 1]] < weights[x]) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = x;
  }
  int a0 = alpha, best = -30000, bm = order[0];
  for (int i = 0; i < n; i++) {
    uint64_t sq = 1ull << order[i], f = flips(me, opp, sq);
    int s = -search(opp & ~f, me | f | sq, side ^ 1, depth - 1, -beta, -alpha, 0);
    if (s > best) {
      best = s;
      bm = order[i];
    }
    if (s > alpha)
      alpha = s;
    if (alpha >= beta)
      break;
  }
  e->key = key;
  e->score = (int16_t)best;
  e->depth = (int8_t)depth;
  e->best = (int8_t)bm;
  e->flag = best <= a0 ? 2 : best >= beta ? 1 : 0;
  return best;
}

int main(int argc, char **argv) {
  const char *size = argc > 1 ? argv[1] : "full";
  int positions, depth;
  if (!strcmp(size, "small")) {
    positions = 2;
    depth = 5;
  } else if (!strcmp(size, "full")) {
    positions = 8;
    depth = 10;
  } else {
    fprintf(stderr, "usage: othello [small|full]\n");
    return 2;
  }
  for (int s = 0; s < 2; s++)
    for (int i = 0; i < 64; i++)
      zob[s][i] = rnd64();
  zside = rnd64();
  tt = calloc((size_t)1 << TT_BITS, sizeof(tt_entry));
  if (!tt)
    return 1;
  uint64_t h = 1469598103934665603ull;
  for (int p = 0; p < positions; p++) {
    /* Start from the standard position plus a few random opening moves. */
    uint64_t me = 0x0000000810000000ull, opp = 0x0000001008000000ull;
    int side = 0;
    for (int k = 0; k < 8 + p; k++) {
      uint64_t m = moves(me, opp);
      if (!m)
        break;
      int cnt = __builtin_popcountll(m), pick = (int)(rnd64() % (uint64_t)cnt);
      while (pick--)
        m &= m - 1;
      uint64_t sq = m & -m, f = flips(me, opp, sq);
      uint64_t nme = opp & ~f, nopp = me | f | sq;
      me = nme;
      opp = nopp;
      side ^= 1;
    }
    memset(tt, 0, sizeof(tt_entry) << TT_BITS);
    int score = 0;
    for (int d = 1; d <= depth; d++)
      score = search(me, opp, side, d, -30000, 30000, 0);
    printf("position %d: score=%d\n", p, score);
    h = (h ^ (uint64_t)(int64_t)score) * 1099511628211ull;
  }
  printf("othello: nodes=%llu\n", (unsigned long long)nodes);
  printf("checksum: %016llx\n", (unsigned long long)(h ^ nodes));
  free(tt);
  return 0;
}
