/* mcf.c: benchmark in the manner of SPEC's mcf: minimum-cost flow on a
 * generated transport network, by successive shortest paths (Dijkstra with
 * reduced costs on the residual graph). Usage: mcf [small|full] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rs = 0x2545f4914f6cdd1dull;
static uint32_t rnd(void) {
  rs ^= rs << 13;
  rs ^= rs >> 7;
  rs ^= rs << 17;
  return (uint32_t)(rs >> 11);
}

typedef struct {
  int to, next;
  int32_t cap;
  int64_t cost;
} arc;

static arc *arcs;
static int *head, narcs;

static void add_arc(int u, int v, int32_t cap, int64_t cost) {
  arcs[narcs] = (arc){v, head[u], cap, cost};
  head[u] = narcs++;
  arcs[narcs] = (arc){u, head[v], 0, -cost};
  head[v] = narcs++;
}

/* Binary heap of (distance, node) with decrease-key by position index. */
static int64_t *dist;
static int *heap, *pos, hn;
static void sift_up(int i) {
  int v = heap[i];
  while (i > 0) {
    int p = (i - 1) / 2;
    if (dist[heap[p]] < dist[v] || (dist[heap[p]] == dist[v] && heap[p] < v))
      break;
    heap[i] = heap[p];
    pos[heap[i]] = i;
    i = p;
  }
  heap[i] = v;
  pos[v] = i;
}
static void sift_down(int i) {
  int v = heap[i];
  for (;;) {
    int c = 2 * i + 1;
    if (c >= hn)
      break;
    if (c + 1 < hn && (dist[heap[c + 1]] < dist[heap[c]] ||
                       (dist[heap[c + 1]] == dist[heap[c]] && heap[c + 1] < heap[c])))
      c++;
    if (dist[v] < dist[heap[c]] || (dist[v] == dist[heap[c]] && v < heap[c]))
      break;
    heap[i] = heap[c];
    pos[heap[i]] = i;
    i = c;
  }
  heap[i] = v;
  pos[v] = i;
}

int main(int argc, char **argv) {
  const char *size = argc > 1 ? argv[1] : "full";
  int n, deg, demand;
  if (!strcmp(size, "small")) {
    n = 300;
    deg = 6;
    demand = 200;
  } else if (!strcmp(size, "full")) {
    n = 12000;
    deg = 8;
    demand = 4000;
  } else {
    fprintf(stderr, "usage: mcf [small|full]\n");
    return 2;
  }
  /* Nodes on a line of "cities"; arcs mostly to near neighbours, cost by
   * distance plus noise, so shortest paths are long and varied. */
  int maxarcs = 2 * (n * deg + 2 * n);
  arcs = malloc(sizeof(arc) * (size_t)maxarcs);
  head = malloc(sizeof(int) * (size_t)(n + 2));
  dist = malloc(sizeof(int64_t) * (size_t)(n + 2));
  int64_t *pot = calloc((size_t)(n + 2), sizeof(int64_t));
  int *prev = malloc(sizeof(int) * (size_t)(n + 2));
  heap = malloc(sizeof(int) * (size_t)(n + 2));
  pos = malloc(sizeof(int) * (size_t)(n + 2));
  if (!arcs || !head || !dist || !pot || !prev || !heap || !pos)
    return 1;
  int src = n, snk = n + 1, N = n + 2;
  for (int i = 0; i < N; i++)
    head[i] = -1;
  for (int u = 0; u < n; u++)
    for (int k = 0; k < deg; k++) {
      int span = 1 + (int)(rnd() % 40);
      int v = (int)((u + (k & 1 ? span : n - span)) % n);
      if (v == u)
        continue;
      add_arc(u, v, 1 + (int32_t)(rnd() % 20), span * 10 + (int64_t)(rnd() % 25));
    }
  for (int u = 0; u < n; u++) {
    uint32_t r = rnd() % 8;
    if (r == 0)
      add_arc(src, u, 5 + (int32_t)(rnd() % 30), 0);
    else if (r == 1)
      add_arc(u, snk, 5 + (int32_t)(rnd() % 30), 0);
  }
  int64_t flow = 0, cost = 0;
  uint64_t h = 1469598103934665603ull;
  int iters = 0;
  while (flow < demand) {
    for (int i = 0; i < N; i++) {
      dist[i] = INT64_MAX;
      pos[i] = -1;
      prev[i] = -1;
    }
    dist[src] = 0;
    hn = 0;
    heap[hn++] = src;
    pos[src] = 0;
    while (hn > 0) {
      int u = heap[0];
      pos[u] = -2; /* settled */
      heap[0] = heap[--hn];
      if (hn > 0)
        sift_down(0);
      for (int e = head[u]; e >= 0; e = arcs[e].next) {
        if (arcs[e].cap <= 0)
          continue;
        int v = arcs[e].to;
        int64_t nd = dist[u] + arcs[e].cost + pot[u] - pot[v];
        if (nd < dist[v]) {
          dist[v] = nd;
          prev[v] = e;
          if (pos[v] == -1) {
            heap[hn] = v;
            sift_up(hn++);
          } else if (pos[v] >= 0) {
            sift_up(pos[v]);
          }
        }
      }
    }
    if (dist[snk] == INT64_MAX)
      break;
    for (int i = 0; i < N; i++)
      if (dist[i] != INT64_MAX)
        pot[i] += dist[i];
    int32_t push = (int32_t)(demand - flow);
    for (int v = snk; v != src; v = arcs[prev[v] ^ 1].to)
      if (arcs[prev[v]].cap < push)
        push = arcs[prev[v]].cap;
    for (int v = snk; v != src; v = arcs[prev[v] ^ 1].to) {
      arcs[prev[v]].cap -= push;
      arcs[prev[v] ^ 1].cap += push;
      cost += (int64_t)push * arcs[prev[v]].cost;
    }
    flow += push;
    h = (h ^ (uint64_t)(pot[snk] * 31 + push)) * 1099511628211ull;
    iters++;
  }
  printf("mcf: nodes=%d arcs=%d flow=%lld cost=%lld paths=%d\n", N, narcs,
         (long long)flow, (long long)cost, iters);
  printf("checksum: %016llx\n", (unsigned long long)(h ^ (uint64_t)cost));
  return 0;
}
