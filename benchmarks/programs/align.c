/* align.c: dynamic programming in the manner of SPEC's hmmer: local
 * alignment (Smith-Waterman with affine gaps, Gotoh) of generated protein
 * sequences against a database, and a global alignment (Needleman-Wunsch)
 * with traceback for the best hits. Usage: align [small|full] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rs = 0x1f83d9abfb41bd6bull;
static uint32_t rnd(void) {
  rs ^= rs << 13;
  rs ^= rs >> 7;
  rs ^= rs << 17;
  return (uint32_t)(rs >> 33);
}

#define NA 20
static int8_t sub[NA][NA];
#define GOPEN 11
#define GEXT 1

static int sw(const uint8_t *a, int n, const uint8_t *b, int m, int *H,
              int *E) {
  /* H: best ending at (i, j); E: ending with a gap in a; F kept per row. */
  int best = 0;
  for (int j = 0; j <= m; j++)
    H[j] = 0, E[j] = -1000000;
  for (int i = 1; i <= n; i++) {
    int diag = 0, F = -1000000, left = 0;
    const int8_t *srow = sub[a[i - 1]];
    for (int j = 1; j <= m; j++) {
      int up = H[j];
      int e = E[j] - GEXT, eo = up - GOPEN;
      E[j] = e > eo ? e : eo;
      int f = F - GEXT, fo = left - GOPEN;
      F = f > fo ? f : fo;
      int h = diag + srow[b[j - 1]];
      if (E[j] > h)
        h = E[j];
      if (F > h)
        h = F;
      if (h < 0)
        h = 0;
      if (h > best)
        best = h;
      diag = up;
      H[j] = h;
      left = h;
    }
  }
  return best;
}

/* Global alignment, linear gaps, full matrix with traceback. */
static int nw(const uint8_t *a, int n, const uint8_t *b, int m, int *M,
              int *alen) {
  int w = m + 1;
  for (int i = 0; i <= n; i++)
    M[i * w] = -4 * i;
  for (int j = 0; j <= m; j++)
    M[j] = -4 * j;
  for (int i = 1; i <= n; i++)
    for (int j = 1; j <= m; j++) {
      int d = M[(i - 1) * w + j - 1] + sub[a[i - 1]][b[j - 1]];
      int u = M[(i - 1) * w + j] - 4, l = M[i * w + j - 1] - 4;
      int v = d > u ? d : u;
      M[i * w + j] = v > l ? v : l;
    }
  int i = n, j = m, len = 0;
  while (i > 0 || j > 0) {
    len++;
    if (i > 0 && j > 0 &&
        M[i * w + j] == M[(i - 1) * w + j - 1] + sub[a[i - 1]][b[j - 1]])
      i--, j--;
    else if (i > 0 && M[i * w + j] == M[(i - 1) * w + j] - 4)
      i--;
    else
      j--;
  }
  *alen = len;
  return M[n * w + m];
}

static void gen(uint8_t *s, int n, const uint8_t *base) {
  for (int i = 0; i < n; i++) {
    /* Half the sequences are mutated copies of a shared ancestor. */
    if (base && rnd() % 100 < 70)
      s[i] = base[i];
    else
      s[i] = (uint8_t)(rnd() % NA);
  }
}

int main(int argc, char **argv) {
  const char *size = argc > 1 ? argv[1] : "full";
  int qlen, dblen, ndb, ntop;
  if (!strcmp(size, "small")) {
    qlen = 100, dblen = 120, ndb = 20, ntop = 2;
  } else if (!strcmp(size, "full")) {
    qlen = 600, dblen = 800, ndb = 1400, ntop = 20;
  } else {
    fprintf(stderr, "usage: align [small|full]\n");
    return 2;
  }
  for (int i = 0; i < NA; i++)
    for (int j = 0; j <= i; j++)
      sub[i][j] = sub[j][i] = (int8_t)(i == j ? 4 + rnd() % 8 : (int)(rnd() % 7) - 4);
  uint8_t *q = malloc((size_t)dblen), *db = malloc((size_t)dblen * ndb);
  int *H = malloc(sizeof(int) * (size_t)(dblen + 1));
  int *E = malloc(sizeof(int) * (size_t)(dblen + 1));
  int *M = malloc(sizeof(int) * (size_t)(qlen + 1) * (size_t)(dblen + 1));
  int *score = malloc(sizeof(int) * (size_t)ndb);
  if (!q || !db || !H || !E || !M || !score)
    return 1;
  gen(q, dblen, NULL);
  for (int k = 0; k < ndb; k++)
    gen(db + (size_t)k * dblen, dblen, k % 2 ? q : NULL);
  uint64_t h = 1469598103934665603ull;
  for (int k = 0; k < ndb; k++) {
    score[k] = sw(q, qlen, db + (size_t)k * dblen, dblen, H, E);
    h = (h ^ (uint64_t)score[k]) * 1099511628211ull;
  }
  /* Top hits by score (ties by index), then global alignments. */
  int total = 0, lens = 0;
  for (int t = 0; t < ntop; t++) {
    int bi = -1;
    for (int k = 0; k < ndb; k++)
      if (score[k] >= 0 && (bi < 0 || score[k] > score[bi]))
        bi = k;
    score[bi] = -1;
    int alen, g = nw(q, qlen, db + (size_t)bi * dblen, dblen, M, &alen);
    total += g;
    lens += alen;
    h = (h ^ (uint64_t)(int64_t)g ^ (uint64_t)alen << 32) * 1099511628211ull;
  }
  printf("align: db=%d top=%d global_sum=%d align_len_sum=%d\n", ndb, ntop,
         total, lens);
  printf("checksum: %016llx\n", (unsigned long long)h);
  free(q); free(db); free(H); free(E); free(M); free(score);
  return 0;
}
