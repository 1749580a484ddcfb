/* astar.c: path finding in the manner of SPEC's astar: A* with an octile
 * heuristic and a binary heap on a generated 8-connected grid map with
 * obstacles, between many start/goal pairs; also a Dijkstra flood from one
 * corner. Usage: astar [small|full] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rs = 0x9b05688c2b3e6c1full;
static uint32_t rnd(void) {
  rs ^= rs << 13;
  rs ^= rs >> 7;
  rs ^= rs << 17;
  return (uint32_t)(rs >> 32);
}

static int W, H;
static uint8_t *wall;
static uint32_t *g, *stamp, *heapk;
static int *heapv, hn;
static uint32_t cur_stamp;

/* Heap keyed by f = g + h (ties broken by node id: deterministic). */
static int less(int a, int b) {
  return heapk[a] < heapk[b] || (heapk[a] == heapk[b] && heapv[a] < heapv[b]);
}
static void hswap(int a, int b) {
  uint32_t k = heapk[a];
  int v = heapv[a];
  heapk[a] = heapk[b];
  heapv[a] = heapv[b];
  heapk[b] = k;
  heapv[b] = v;
}
static void push(uint32_t k, int v) {
  int i = hn++;
  heapk[i] = k;
  heapv[i] = v;
  while (i > 0 && less(i, (i - 1) / 2)) {
    hswap(i, (i - 1) / 2);
    i = (i - 1) / 2;
  }
}
static int pop(uint32_t *k) {
  int v = heapv[0];
  *k = heapk[0];
  hn--;
  heapk[0] = heapk[hn];
  heapv[0] = heapv[hn];
  int i = 0;
  for (;;) {
    int c = 2 * i + 1;
    if (c >= hn)
      break;
    if (c + 1 < hn && less(c + 1, c))
      c++;
    if (!less(c, i))
      break;
    hswap(i, c);
    i = c;
  }
  return v;
}

static uint32_t heur(int a, int b, int use) {
  if (!use)
    return 0;
  int dx = abs(a % W - b % W), dy = abs(a / W - b / W);
  int mn = dx < dy ? dx : dy, mx = dx < dy ? dy : dx;
  return (uint32_t)(14 * mn + 10 * (mx - mn));
}

/* Returns path cost or UINT32_MAX; *expanded counts settled nodes. */
static uint32_t search(int s, int t, int use_h, uint64_t *expanded) {
  static const int dxs[8] = {1, -1, 0, 0, 1, 1, -1, -1};
  static const int dys[8] = {0, 0, 1, -1, 1, -1, 1, -1};
  cur_stamp++;
  hn = 0;
  g[s] = 0;
  stamp[s] = cur_stamp;
  push(heur(s, t, use_h), s);
  while (hn > 0) {
    uint32_t f;
    int u = pop(&f);
    if (f - heur(u, t, use_h) > g[u])
      continue; /* stale entry */
    (*expanded)++;
    if (u == t)
      return g[u];
    int ux = u % W, uy = u / W;
    for (int d = 0; d < 8; d++) {
      int vx = ux + dxs[d], vy = uy + dys[d];
      if (vx < 0 || vy < 0 || vx >= W || vy >= H)
        continue;
      int v = vy * W + vx;
      if (wall[v])
        continue;
      if (d >= 4 && (wall[uy * W + vx] || wall[vy * W + ux]))
        continue; /* no corner cutting */
      uint32_t ng = g[u] + (d < 4 ? 10 : 14);
      if (stamp[v] != cur_stamp || ng < g[v]) {
        stamp[v] = cur_stamp;
        g[v] = ng;
        push(ng + heur(v, t, use_h), v);
      }
    }
  }
  return use_h ? UINT32_MAX : 0;
}

int main(int argc, char **argv) {
  const char *size = argc > 1 ? argv[1] : "full";
  int pairs;
  if (!strcmp(size, "small")) {
    W = H = 128, pairs = 10;
  } else if (!strcmp(size, "full")) {
    W = H = 1024, pairs = 300;
  } else {
    fprintf(stderr, "usage: astar [small|full]\n");
    return 2;
  }
  size_t n = (size_t)W * H;
  wall = malloc(n);
  uint8_t *tmp = malloc(n);
  g = malloc(n * sizeof *g);
  stamp = calloc(n, sizeof *stamp);
  heapk = malloc(8 * n * sizeof *heapk);
  heapv = malloc(8 * n * sizeof *heapv);
  if (!wall || !tmp || !g || !stamp || !heapk || !heapv)
    return 1;
  /* Random fill then cellular smoothing: caves with corridors. */
  for (size_t i = 0; i < n; i++)
    wall[i] = rnd() % 100 < 42;
  for (int it = 0; it < 3; it++) {
    for (int y = 0; y < H; y++)
      for (int x = 0; x < W; x++) {
        int c = 0;
        for (int dy = -1; dy <= 1; dy++)
          for (int dx = -1; dx <= 1; dx++) {
            int xx = x + dx, yy = y + dy;
            c += (xx < 0 || yy < 0 || xx >= W || yy >= H) ? 1 : wall[yy * W + xx];
          }
        tmp[y * W + x] = c >= 5;
      }
    memcpy(wall, tmp, n);
  }
  uint64_t h = 1469598103934665603ull, expanded = 0;
  int found = 0;
  for (int p = 0; p < pairs; p++) {
    int s, t;
    do
      s = (int)(rnd() % n);
    while (wall[s]);
    do
      t = (int)(rnd() % n);
    while (wall[t]);
    uint32_t c = search(s, t, 1, &expanded);
    if (c != UINT32_MAX)
      found++;
    h = (h ^ c) * 1099511628211ull;
  }
  int s0 = 0;
  while (wall[s0])
    s0++;
  search(s0, -1, 0, &expanded); /* full Dijkstra flood */
  uint64_t reach = 0, far = 0;
  for (size_t i = 0; i < n; i++)
    if (stamp[i] == cur_stamp) {
      reach++;
      if (g[i] > far)
        far = g[i];
    }
  printf("astar: pairs=%d found=%d expanded=%llu reach=%llu far=%llu\n",
         pairs, found, (unsigned long long)expanded,
         (unsigned long long)reach, (unsigned long long)far);
  printf("checksum: %016llx\n", (unsigned long long)(h ^ expanded));
  free(wall); free(tmp); free(g); free(stamp); free(heapk); free(heapv);
  return 0;
}
