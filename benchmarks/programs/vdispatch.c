/* vdispatch.c: indirect-call-heavy code in the manner of SPEC's C++
 * benchmarks (omnetpp, xalancbmk): objects with vtables of function
 * pointers. An expression-tree evaluator with one "class" per node kind and
 * a discrete-event simulation whose events dispatch through handler tables.
 * Usage: vdispatch [small|full] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rs = 0x5be0cd19137e2179ull;
static uint32_t rnd(void) {
  rs ^= rs << 13;
  rs ^= rs >> 7;
  rs ^= rs << 17;
  return (uint32_t)(rs >> 29);
}

/* ---- expression trees: node "classes" with eval/size methods ---- */
typedef struct node node;
typedef struct {
  int64_t (*eval)(const node *, const int64_t *env);
  int (*depth)(const node *);
  const char *name;
} node_vt;
struct node {
  const node_vt *vt;
  node *l, *r;
  int64_t k;
};

#define BIN(NAME, EXPR)                                                        \
  static int64_t NAME##_eval(const node *n, const int64_t *env) {             \
    int64_t a = n->l->vt->eval(n->l, env), b = n->r->vt->eval(n->r, env);     \
    return EXPR;                                                               \
  }
BIN(add, (int64_t)((uint64_t)a + (uint64_t)b))
BIN(sub, (int64_t)((uint64_t)a - (uint64_t)b))
BIN(mul, (int64_t)(((uint64_t)a * (uint64_t)b) & 0xffffffffffull))
BIN(min, a < b ? a : b)
BIN(max, a > b ? a : b)
BIN(xor, a ^ b)
static int64_t cond_eval(const node *n, const int64_t *env) {
  int64_t c = n->l->vt->eval(n->l, env);
  return (c & 1) ? n->r->vt->eval(n->r, env) : n->r->l->vt->eval(n->r->l, env);
}
static int64_t var_eval(const node *n, const int64_t *env) { return env[n->k]; }
static int64_t const_eval(const node *n, const int64_t *env) {
  (void)env;
  return n->k;
}
static int leaf_depth(const node *n) {
  (void)n;
  return 1;
}
static int bin_depth(const node *n) {
  int a = n->l->vt->depth(n->l), b = n->r->vt->depth(n->r);
  return 1 + (a > b ? a : b);
}
static const node_vt vts[] = {
    {add_eval, bin_depth, "add"}, {sub_eval, bin_depth, "sub"},
    {mul_eval, bin_depth, "mul"}, {min_eval, bin_depth, "min"},
    {max_eval, bin_depth, "max"}, {xor_eval, bin_depth, "xor"},
    {cond_eval, bin_depth, "cond"}, {var_eval, leaf_depth, "var"},
    {const_eval, leaf_depth, "const"}};

static node *pool;
static int npool;
static node *build(int depth, int root) {
  node *n = &pool[npool++];
  if (depth == 0 || (!root && rnd() % 8 == 0)) {
    int leaf = 7 + (int)(rnd() % 2);
    n->vt = &vts[leaf];
    n->k = leaf == 7 ? (int64_t)(rnd() % 8) : (int64_t)(rnd() % 1000);
    n->l = n->r = NULL;
    return n;
  }
  n->vt = &vts[rnd() % 7];
  n->l = build(depth - 1, 0);
  n->r = build(depth - 1, 0);
  if (n->vt == &vts[6] && n->r->l == NULL)
    n->vt = &vts[0]; /* cond needs an inner node on the right */
  return n;
}

/* ---- discrete-event simulation: queue of events, handler per kind ---- */
typedef struct {
  uint64_t time;
  uint32_t kind, target, seq;
} event;
typedef struct {
  int64_t state, handled;
} station;
typedef void (*handler)(station *, const event *, void (*post)(uint64_t, uint32_t, uint32_t));
static event *q;
static int qn;
static uint32_t seq;
static int ev_less(const event *a, const event *b) {
  return a->time < b->time || (a->time == b->time && a->seq < b->seq);
}
static void post(uint64_t t, uint32_t kind, uint32_t target) {
  int i = qn++;
  event e = {t, kind, target, seq++};
  while (i > 0 && ev_less(&e, &q[(i - 1) / 2])) {
    q[i] = q[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  q[i] = e;
}
static event pop(void) {
  event top = q[0], last = q[--qn];
  int i = 0;
  for (;;) {
    int c = 2 * i + 1;
    if (c >= qn)
      break;
    if (c + 1 < qn && ev_less(&q[c + 1], &q[c]))
      c++;
    if (!ev_less(&q[c], &last))
      break;
    q[i] = q[c];
    i = c;
  }
  q[i] = last;
  return top;
}
#define NST 1024
static void h_arrive(station *s, const event *e, void (*p)(uint64_t, uint32_t, uint32_t)) {
  s->state++;
  p(e->time + 1 + (uint64_t)(s->state % 7), 1, e->target);
}
static void h_serve(station *s, const event *e, void (*p)(uint64_t, uint32_t, uint32_t)) {
  s->state = s->state * 3 + 1;
  p(e->time + 3 + (uint64_t)(s->state & 15), 2, (e->target * 7 + 1) % NST);
}
static void h_depart(station *s, const event *e, void (*p)(uint64_t, uint32_t, uint32_t)) {
  s->state ^= (int64_t)e->time;
  p(e->time + 2 + (uint64_t)(s->state & 31), (uint32_t)(s->state & 1) * 3, (e->target + 13) % NST);
}
static void h_route(station *s, const event *e, void (*p)(uint64_t, uint32_t, uint32_t)) {
  s->state -= 5;
  p(e->time + 1, 0, (uint32_t)((uint64_t)(s->state * 31 + e->seq) % NST));
}
static const handler handlers[4] = {h_arrive, h_serve, h_depart, h_route};

int main(int argc, char **argv) {
  const char *size = argc > 1 ? argv[1] : "full";
  int trees, depth, evals, events;
  if (!strcmp(size, "small")) {
    trees = 4, depth = 8, evals = 50, events = 20000;
  } else if (!strcmp(size, "full")) {
    trees = 16, depth = 14, evals = 700, events = 12000000;
  } else {
    fprintf(stderr, "usage: vdispatch [small|full]\n");
    return 2;
  }
  pool = malloc(sizeof(node) * (size_t)trees * ((size_t)2 << depth));
  q = malloc(sizeof(event) * (size_t)(NST + 16));
  station *st = calloc(NST, sizeof(station));
  if (!pool || !q || !st)
    return 1;
  uint64_t h = 1469598103934665603ull;
  for (int t = 0; t < trees; t++) {
    int first = npool;
    node *root = build(depth, 1);
    int64_t env[8];
    int64_t acc = 0;
    for (int e = 0; e < evals; e++) {
      for (int i = 0; i < 8; i++)
        env[i] = (int64_t)(rnd() % 10000) - 5000;
      acc = (int64_t)((uint64_t)acc * 31 + (uint64_t)root->vt->eval(root, env));
    }
    h = (h ^ (uint64_t)acc) * 1099511628211ull;
    printf("tree %d: nodes=%d depth=%d value=%lld\n", t, npool - first,
           root->vt->depth(root), (long long)acc);
  }
  for (uint32_t i = 0; i < NST; i++)
    post(i, i % 4, i);
  for (int n = 0; n < events; n++) {
    event e = pop();
    station *s = &st[e.target];
    s->handled++;
    handlers[e.kind](s, &e, post);
  }
  for (int i = 0; i < NST; i++)
    h = (h ^ (uint64_t)st[i].state ^ (uint64_t)st[i].handled << 40) * 1099511628211ull;
  printf("events: %d pending=%d\n", events, qn);
  printf("checksum: %016llx\n", (unsigned long long)h);
  free(pool);
  free(q);
  free(st);
  return 0;
}
