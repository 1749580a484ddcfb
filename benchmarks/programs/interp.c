/* interp.c: benchmark in the manner of SPEC's perlbench: a lexer, parser,
 * bytecode compiler and switch-dispatch VM for a small language, running
 * programs embedded below. Usage: interp [small|full] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *source =
    "def fib(n) { if (n < 2) { return n; } return fib(n - 1) + fib(n - 2); }\n"
    "def sieve(n) { var a = array(n + 1); var i = 2; var c = 0;\n"
    "  while (i <= n) { if (a[i] == 0) { c = c + 1; var j = i * i;\n"
    "      while (j <= n) { a[j] = 1; j = j + i; } }\n"
    "    i = i + 1; }\n"
    "  return c; }\n"
    "def collatz(lim) { var best = 0; var k = 1;\n"
    "  while (k < lim) { var x = k; var s = 0;\n"
    "    while (x != 1) { if (x % 2 == 0) { x = x / 2; } else { x = 3 * x + 1; }\n"
    "      s = s + 1; }\n"
    "    if (s > best) { best = s; } k = k + 1; }\n"
    "  return best; }\n"
    "def sort(n) { var a = array(n); var i = 0; var seed = 12345;\n"
    "  while (i < n) { seed = (seed * 1103515245 + 12345) % 2147483648;\n"
    "    a[i] = seed % 100000; i = i + 1; }\n"
    "  var gap = n / 2;\n"
    "  while (gap > 0) { i = gap;\n"
    "    while (i < n) { var t = a[i]; var j = i;\n"
    "      while (j >= gap && a[j - gap] > t) { a[j] = a[j - gap]; j = j - gap; }\n"
    "      a[j] = t; i = i + 1; }\n"
    "    gap = gap / 2; }\n"
    "  var h = 0; i = 0;\n"
    "  while (i < n) { h = (h * 31 + a[i]) % 1000000007; i = i + 1; }\n"
    "  return h; }\n"
    "def main(s) { return fib(14 + s / 2) * 7 + sieve(100000 * s) * 5 +\n"
    "  collatz(8000 * s) * 3 + sort(20000 * s); }\n";

/* ---- lexer ---- */
enum { T_EOF, T_NUM, T_ID, T_DEF, T_VAR, T_IF, T_ELSE, T_WHILE, T_RETURN,
       T_PUNCT };
typedef struct {
  int kind;
  int64_t num;
  char text[32];
} tok;
static const char *lp;
static tok cur;

static void die(const char *m) {
  fprintf(stderr, "interp: %s near '%s'\n", m, cur.text);
  exit(2);
}

static void next(void) {
  while (*lp == ' ' || *lp == '\n' || *lp == '\t')
    lp++;
  memset(&cur, 0, sizeof cur);
  if (!*lp) {
    cur.kind = T_EOF;
    return;
  }
  if (*lp >= '0' && *lp <= '9') {
    cur.kind = T_NUM;
    while (*lp >= '0' && *lp <= '9')
      cur.num = cur.num * 10 + (*lp++ - '0');
    return;
  }
  if ((*lp >= 'a' && *lp <= 'z') || *lp == '_') {
    int n = 0;
    while ((*lp >= 'a' && *lp <= 'z') || *lp == '_' ||
           (*lp >= '0' && *lp <= '9'))
      cur.text[n < 31 ? n++ : n] = *lp++;
    static const char *kw[] = {"def", "var", "if", "else", "while", "return"};
    cur.kind = T_ID;
    for (int i = 0; i < 6; i++)
      if (!strcmp(cur.text, kw[i]))
        cur.kind = T_DEF + i;
    return;
  }
  cur.kind = T_PUNCT;
  cur.text[0] = *lp++;
  if ((cur.text[0] == '<' || cur.text[0] == '>' || cur.text[0] == '=' ||
       cur.text[0] == '!') && *lp == '=')
    cur.text[1] = *lp++;
  else if ((cur.text[0] == '&' && *lp == '&') || (cur.text[0] == '|' && *lp == '|'))
    cur.text[1] = *lp++;
}
static int is(const char *p) { return cur.kind == T_PUNCT && !strcmp(cur.text, p); }
static void expect(const char *p) {
  if (!is(p))
    die("expected punctuation");
  next();
}

/* ---- bytecode ---- */
enum { OP_CONST, OP_LOAD, OP_STORE, OP_ALOAD, OP_ASTORE, OP_ADD, OP_SUB,
       OP_MUL, OP_DIV, OP_MOD, OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE,
       OP_NEG, OP_NOT, OP_JMP, OP_JZ, OP_JNZ, OP_CALL, OP_RET, OP_POP,
       OP_ARRAY, OP_DUP };
#define MAXCODE 8192
#define MAXFN 32
static int64_t code[MAXCODE];
static int ncode;
typedef struct {
  char name[32];
  int entry, nparams, nlocals;
} fn;
static fn fns[MAXFN];
static int nfns;
static char locals[64][32];
static int nloc;

static void emit(int64_t v) {
  if (ncode >= MAXCODE)
    die("code too big");
  code[ncode++] = v;
}
static int local(const char *name, int create) {
  for (int i = 0; i < nloc; i++)
    if (!strcmp(locals[i], name))
      return i;
  if (!create || nloc >= 64)
    die("unknown variable");
  strcpy(locals[nloc], name);
  return nloc++;
}
static int findfn(const char *name) {
  for (int i = 0; i < nfns; i++)
    if (!strcmp(fns[i].name, name))
      return i;
  if (nfns >= MAXFN)
    die("too many functions");
  strcpy(fns[nfns].name, name);
  fns[nfns].entry = -1;
  return nfns++;
}

static void expr(int minprec);
static void primary(void) {
  if (cur.kind == T_NUM) {
    emit(OP_CONST);
    emit(cur.num);
    next();
  } else if (cur.kind == T_ID) {
    char name[32];
    strcpy(name, cur.text);
    next();
    if (is("(")) {
      next();
      int nargs = 0;
      while (!is(")")) {
        expr(0);
        nargs++;
        if (is(","))
          next();
      }
      next();
      if (!strcmp(name, "array")) {
        emit(OP_ARRAY);
      } else {
        emit(OP_CALL);
        emit(findfn(name));
        emit(nargs);
      }
    } else if (is("[")) {
      next();
      emit(OP_LOAD);
      emit(local(name, 0));
      expr(0);
      expect("]");
      emit(OP_ALOAD);
    } else {
      emit(OP_LOAD);
      emit(local(name, 0));
    }
  } else if (is("(")) {
    next();
    expr(0);
    expect(")");
  } else if (is("-")) {
    next();
    primary();
    emit(OP_NEG);
  } else if (is("!")) {
    next();
    primary();
    emit(OP_NOT);
  } else {
    die("bad expression");
  }
}
static const struct {
  const char *op;
  int prec, code;
} binops[] = {{"||", 1, -1}, {"&&", 2, -2}, {"==", 3, OP_EQ}, {"!=", 3, OP_NE},
              {"<", 4, OP_LT}, {"<=", 4, OP_LE}, {">", 4, OP_GT},
              {">=", 4, OP_GE}, {"+", 5, OP_ADD}, {"-", 5, OP_SUB},
              {"*", 6, OP_MUL}, {"/", 6, OP_DIV}, {"%", 6, OP_MOD}};
static void expr(int minprec) {
  primary();
  for (;;) {
    int k = -1;
    for (int i = 0; i < 13; i++)
      if (is(binops[i].op))
        k = i;
    if (k < 0 || binops[k].prec <= minprec)
      return;
    next();
    if (binops[k].code < 0) { /* short circuit: a || b, a && b */
      emit(OP_DUP);
      emit(binops[k].code == -1 ? OP_JNZ : OP_JZ);
      int patch = ncode;
      emit(0);
      emit(OP_POP);
      expr(binops[k].prec);
      emit(OP_NOT);
      emit(OP_NOT);
      code[patch] = ncode;
    } else {
      expr(binops[k].prec);
      emit(binops[k].code);
    }
  }
}
static void block(void);
static void stmt(void) {
  if (cur.kind == T_VAR || cur.kind == T_ID) {
    int decl = cur.kind == T_VAR;
    if (decl)
      next();
    char name[32];
    strcpy(name, cur.text);
    next();
    if (is("[")) {
      next();
      emit(OP_LOAD);
      emit(local(name, 0));
      expr(0);
      expect("]");
      expect("=");
      expr(0);
      emit(OP_ASTORE);
    } else {
      expect("=");
      expr(0);
      emit(OP_STORE);
      emit(local(name, decl));
    }
    expect(";");
  } else if (cur.kind == T_IF) {
    next();
    expect("(");
    expr(0);
    expect(")");
    emit(OP_JZ);
    int p = ncode;
    emit(0);
    block();
    if (cur.kind == T_ELSE) {
      next();
      emit(OP_JMP);
      int q = ncode;
      emit(0);
      code[p] = ncode;
      block();
      code[q] = ncode;
    } else {
      code[p] = ncode;
    }
  } else if (cur.kind == T_WHILE) {
    next();
    int top = ncode;
    expect("(");
    expr(0);
    expect(")");
    emit(OP_JZ);
    int p = ncode;
    emit(0);
    block();
    emit(OP_JMP);
    emit(top);
    code[p] = ncode;
  } else if (cur.kind == T_RETURN) {
    next();
    expr(0);
    expect(";");
    emit(OP_RET);
  } else {
    die("bad statement");
  }
}
static void block(void) {
  expect("{");
  while (!is("}"))
    stmt();
  next();
}
static void compile(const char *src) {
  lp = src;
  next();
  while (cur.kind == T_DEF) {
    next();
    int f = findfn(cur.text);
    next();
    nloc = 0;
    expect("(");
    while (!is(")")) {
      local(cur.text, 1);
      next();
      if (is(","))
        next();
    }
    next();
    fns[f].nparams = nloc;
    fns[f].entry = ncode;
    block();
    emit(OP_CONST);
    emit(0);
    emit(OP_RET);
    fns[f].nlocals = nloc;
  }
  if (cur.kind != T_EOF)
    die("trailing input");
}

/* ---- VM ---- */
typedef struct {
  int64_t *data;
  int64_t len;
} arr;
static arr arrays[256];
static int narrays;

static int64_t run(int f, int64_t arg) {
  enum { STACK = 1 << 16, FRAMES = 4096 };
  int64_t *st = malloc(sizeof(int64_t) * STACK);
  struct frame {
    int ret, base;
  } *fr = malloc(sizeof(struct frame) * FRAMES);
  int sp = 0, nf = 0, pc = fns[f].entry, base = 0;
  st[sp++] = arg;
  sp = base + fns[f].nlocals;
  for (int i = 1; i < fns[f].nlocals; i++)
    st[base + i] = 0;
  fr[nf].ret = -1;
  fr[nf++].base = 0;
  int64_t a, b;
  for (;;) {
    switch (code[pc++]) {
    case OP_CONST: st[sp++] = code[pc++]; break;
    case OP_LOAD: st[sp++] = st[base + code[pc++]]; break;
    case OP_STORE: st[base + code[pc++]] = st[--sp]; break;
    case OP_DUP: st[sp] = st[sp - 1]; sp++; break;
    case OP_POP: sp--; break;
    case OP_ALOAD:
      b = st[--sp];
      a = st[--sp];
      if (a < 0 || a >= narrays || b < 0 || b >= arrays[a].len)
        die("array index");
      st[sp++] = arrays[a].data[b];
      break;
    case OP_ASTORE: {
      int64_t v = st[--sp];
      b = st[--sp];
      a = st[--sp];
      if (a < 0 || a >= narrays || b < 0 || b >= arrays[a].len)
        die("array index");
      arrays[a].data[b] = v;
      break;
    }
    case OP_ARRAY:
      a = st[--sp];
      if (narrays >= 256 || a < 0)
        die("array");
      arrays[narrays].data = calloc((size_t)a + 1, sizeof(int64_t));
      arrays[narrays].len = a;
      st[sp++] = narrays++;
      break;
#define BIN(OP, E) case OP: b = st[--sp]; a = st[sp - 1]; st[sp - 1] = (E); break;
    BIN(OP_ADD, (int64_t)((uint64_t)a + (uint64_t)b))
    BIN(OP_SUB, (int64_t)((uint64_t)a - (uint64_t)b))
    BIN(OP_MUL, (int64_t)((uint64_t)a * (uint64_t)b))
    BIN(OP_DIV, b == 0 ? 0 : a / b)
    BIN(OP_MOD, b == 0 ? 0 : a % b)
    BIN(OP_LT, a < b)
    BIN(OP_LE, a <= b)
    BIN(OP_GT, a > b)
    BIN(OP_GE, a >= b)
    BIN(OP_EQ, a == b)
    BIN(OP_NE, a != b)
    case OP_NEG: st[sp - 1] = (int64_t)(0 - (uint64_t)st[sp - 1]); break;
    case OP_NOT: st[sp - 1] = !st[sp - 1]; break;
    case OP_JMP: pc = (int)code[pc]; break;
    case OP_JZ: pc = st[--sp] ? pc + 1 : (int)code[pc]; break;
    case OP_JNZ: pc = st[--sp] ? (int)code[pc] : pc + 1; break;
    case OP_CALL: {
      const fn *callee = &fns[code[pc]];
      int nargs = (int)code[pc + 1];
      if (callee->entry < 0 || nargs != callee->nparams || nf >= FRAMES ||
          sp + 256 > STACK)
        die("bad call");
      fr[nf].ret = pc + 2;
      fr[nf++].base = base;
      base = sp - nargs;
      for (int i = nargs; i < callee->nlocals; i++)
        st[base + i] = 0;
      sp = base + callee->nlocals;
      pc = callee->entry;
      break;
    }
    case OP_RET: {
      int64_t v = st[--sp];
      nf--;
      sp = base;
      st[sp++] = v;
      if (fr[nf].ret < 0) {
        free(st);
        free(fr);
        return v;
      }
      pc = fr[nf].ret;
      base = fr[nf].base;
      break;
    }
    default:
      die("bad opcode");
    }
  }
}

int main(int argc, char **argv) {
  const char *size = argc > 1 ? argv[1] : "full";
  int64_t s;
  if (!strcmp(size, "small"))
    s = 1;
  else if (!strcmp(size, "full"))
    s = 24;
  else {
    fprintf(stderr, "usage: interp [small|full]\n");
    return 2;
  }
  compile(source);
  int64_t r = run(findfn("main"), s);
  uint64_t h = 1469598103934665603ull;
  for (int i = 0; i < ncode; i++)
    h = (h ^ (uint64_t)code[i]) * 1099511628211ull;
  printf("interp: code=%d result=%lld\n", ncode, (long long)r);
  printf("checksum: %016llx\n", (unsigned long long)(h ^ (uint64_t)r));
  for (int i = 0; i < narrays; i++)
    free(arrays[i].data);
  return 0;
}
