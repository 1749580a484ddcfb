/* regex.c: regular-expression search in the manner of grep or SPEC's
 * perlbench regex work: patterns are parsed to a Thompson NFA and run over
 * generated log lines by Pike-style state-set simulation, plus a
 * Boyer-Moore-Horspool literal search. Usage: regex [small|full] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rs = 0xa54ff53a5f1d36f1ull;
static uint32_t rnd(void) {
  rs ^= rs << 13;
  rs ^= rs >> 7;
  rs ^= rs << 17;
  return (uint32_t)(rs >> 24);
}

/* NFA states: CHAR/ANY/CLASS consume a byte; SPLIT has two exits; MATCH. */
enum { S_CHAR, S_ANY, S_CLASS, S_SPLIT, S_MATCH };
typedef struct {
  int kind, c, out, out1;
  uint8_t cls[32];
} state;
#define MAXST 1024
static state st[MAXST];
static int nst;

static int mk(int kind, int c, int out, int out1) {
  if (nst >= MAXST) {
    fprintf(stderr, "regex too big\n");
    exit(2);
  }
  st[nst].kind = kind;
  st[nst].c = c;
  st[nst].out = out;
  st[nst].out1 = out1;
  memset(st[nst].cls, 0, 32);
  return nst++;
}

/* Fragments with a list of dangling exits, kept as an array. */
typedef struct {
  int start, nout;
  int outs[64]; /* encoded: state * 2 + which exit */
} frag;
static void patch(const frag *f, int to) {
  for (int i = 0; i < f->nout; i++) {
    int s = f->outs[i] >> 1;
    if (f->outs[i] & 1)
      st[s].out1 = to;
    else
      st[s].out = to;
  }
}
static void append(frag *f, const frag *g) {
  for (int i = 0; i < g->nout && f->nout < 64; i++)
    f->outs[f->nout++] = g->outs[i];
}

static const char *rp;
static frag alt(void);
static frag atom(void) {
  frag f;
  f.nout = 1;
  if (*rp == '(') {
    rp++;
    f = alt();
    if (*rp == ')')
      rp++;
    return f;
  }
  int s;
  if (*rp == '.') {
    s = mk(S_ANY, 0, -1, -1);
    rp++;
  } else if (*rp == '[') {
    rp++;
    s = mk(S_CLASS, 0, -1, -1);
    int neg = *rp == '^';
    if (neg)
      rp++;
    while (*rp && *rp != ']') {
      int lo = (uint8_t)*rp++, hi = lo;
      if (*rp == '-' && rp[1] && rp[1] != ']') {
        hi = (uint8_t)rp[1];
        rp += 2;
      }
      for (int c = lo; c <= hi; c++)
        st[s].cls[c >> 3] |= (uint8_t)(1 << (c & 7));
    }
    if (*rp == ']')
      rp++;
    if (neg)
      for (int i = 0; i < 32; i++)
        st[s].cls[i] = (uint8_t)~st[s].cls[i];
  } else {
    if (*rp == '\\' && rp[1])
      rp++;
    s = mk(S_CHAR, (uint8_t)*rp++, -1, -1);
  }
  f.start = s;
  f.outs[0] = s * 2;
  return f;
}
static frag piece(void) {
  frag a = atom();
  while (*rp == '*' || *rp == '+' || *rp == '?') {
    char op = *rp++;
    int s = mk(S_SPLIT, 0, a.start, -1);
    frag f;
    if (op == '*') {
      patch(&a, s);
      f.start = s;
      f.nout = 1;
      f.outs[0] = s * 2 + 1;
    } else if (op == '+') {
      patch(&a, s);
      f.start = a.start;
      f.nout = 1;
      f.outs[0] = s * 2 + 1;
    } else {
      f.start = s;
      f.nout = 0;
      append(&f, &a);
      f.outs[f.nout++] = s * 2 + 1;
    }
    a = f;
  }
  return a;
}
static frag concat(void) {
  frag f = {-1, 0, {0}};
  while (*rp && *rp != '|' && *rp != ')') {
    frag p = piece();
    if (f.start < 0) {
      f = p;
    } else {
      patch(&f, p.start);
      f.nout = 0;
      append(&f, &p);
    }
  }
  if (f.start < 0) { /* empty: a split whose exits both dangle */
    int s = mk(S_SPLIT, 0, -1, -1);
    f.start = s;
    f.nout = 2;
    f.outs[0] = s * 2;
    f.outs[1] = s * 2 + 1;
  }
  return f;
}
static frag alt(void) {
  frag f = concat();
  while (*rp == '|') {
    rp++;
    frag g = concat();
    int s = mk(S_SPLIT, 0, f.start, g.start);
    f.start = s;
    append(&f, &g);
  }
  return f;
}
static int compile(const char *re) {
  nst = 0;
  rp = re;
  frag f = alt();
  patch(&f, mk(S_MATCH, 0, -1, -1));
  return f.start;
}

/* Pike simulation: set of states per position, unanchored search. */
static int mark[MAXST], gen;
static void add(int *list, int *n, int s) {
  if (s < 0 || mark[s] == gen)
    return;
  mark[s] = gen;
  if (st[s].kind == S_SPLIT) {
    add(list, n, st[s].out);
    add(list, n, st[s].out1);
    return;
  }
  list[(*n)++] = s;
}
static int match(int start, const char *line, size_t len) {
  static int l1[MAXST], l2[MAXST];
  int *cl = l1, *nl = l2, nc = 0, nn;
  gen++;
  add(cl, &nc, start);
  for (size_t i = 0;; i++) {
    for (int k = 0; k < nc; k++)
      if (st[cl[k]].kind == S_MATCH)
        return 1;
    if (i == len)
      return 0;
    uint8_t c = (uint8_t)line[i];
    gen++;
    nn = 0;
    for (int k = 0; k < nc; k++) {
      const state *s = &st[cl[k]];
      if ((s->kind == S_CHAR && s->c == c) || s->kind == S_ANY ||
          (s->kind == S_CLASS && (s->cls[c >> 3] >> (c & 7) & 1)))
        add(nl, &nn, s->out);
    }
    add(nl, &nn, start); /* a match may begin at the next position */
    int *t = cl;
    cl = nl;
    nl = t;
    nc = nn;
  }
}

static size_t horspool(const char *text, size_t n, const char *pat) {
  size_t m = strlen(pat), skip[256], count = 0;
  for (int i = 0; i < 256; i++)
    skip[i] = m;
  for (size_t i = 0; i + 1 < m; i++)
    skip[(uint8_t)pat[i]] = m - 1 - i;
  for (size_t i = 0; i + m <= n; i += skip[(uint8_t)text[i + m - 1]])
    if (memcmp(text + i, pat, m) == 0)
      count++;
  return count;
}

int main(int argc, char **argv) {
  const char *size = argc > 1 ? argv[1] : "full";
  size_t nlines;
  if (!strcmp(size, "small"))
    nlines = 2000;
  else if (!strcmp(size, "full"))
    nlines = 520000;
  else {
    fprintf(stderr, "usage: regex [small|full]\n");
    return 2;
  }
  static const char *hosts[] = {"alpha", "beta", "gamma", "delta", "omega"};
  static const char *verbs[] = {"GET", "POST", "PUT", "DELETE"};
  static const char *paths[] = {"/index.html", "/api/v1/users", "/img/logo.png",
                                "/api/v2/orders", "/login", "/static/app.js"};
  char *text = malloc(nlines * 128);
  size_t *starts = malloc((nlines + 1) * sizeof(size_t)), n = 0;
  if (!text || !starts)
    return 1;
  for (size_t i = 0; i < nlines; i++) {
    starts[i] = n;
    uint32_t v[10];
    for (int k = 0; k < 10; k++) /* fixed order, unlike argument evaluation */
      v[k] = rnd();
    n += (size_t)sprintf(text + n, "%s-%u %s %s?id=%u status=%u bytes=%u ua=%c%c%c\n",
                         hosts[v[0] % 5], v[1] % 100, verbs[v[2] % 4],
                         paths[v[3] % 6], v[4] % 100000,
                         (v[5] % 10 < 8) ? 200 : 400 + v[6] % 104,
                         v[7] % 65536, (int)('a' + v[8] % 26),
                         (int)('a' + (v[8] >> 8) % 26), (int)('a' + v[9] % 26));
  }
  starts[nlines] = n;
  static const char *pats[] = {
      "status=40[0-9]",
      "(GET|PUT) /api/v[12]/[a-z]+\\?id=[0-9]*7 ",
      "gamma-[0-9]+ .*bytes=6[0-9][0-9][0-9][0-9]",
      "ua=(ab|ba|q.z)",
      "[a-z]+-9[0-9] DELETE .*status=2",
      "id=1(0|1)*2 ",
  };
  uint64_t h = 1469598103934665603ull;
  for (int p = 0; p < 6; p++) {
    int start = compile(pats[p]);
    size_t count = 0;
    for (size_t i = 0; i < nlines; i++)
      if (match(start, text + starts[i], starts[i + 1] - starts[i] - 1)) {
        count++;
        h = (h ^ i) * 1099511628211ull;
      }
    printf("pattern %d: %zu lines\n", p, count);
  }
  size_t lit = horspool(text, n, "DELETE /login") + horspool(text, n, "bytes=1234");
  printf("literal: %zu\n", lit);
  printf("checksum: %016llx\n", (unsigned long long)(h ^ lit));
  free(text);
  free(starts);
  return 0;
}
