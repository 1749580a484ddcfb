/* rspfile.c: @FILE response-file expansion for sfi-cc, GNU style (what
 * clang does on Linux): whitespace separates arguments, '...' and "..."
 * group, a backslash escapes the next character. The result is checked
 * like any other argument, so a response file is no way around sfi-cc. */
#define _GNU_SOURCE
#include "rspfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vec {
  char **v;
  int n, cap;
};

static int vec_push(struct vec *a, char *s) {
  if (a->n + 2 > a->cap) {
    int cap = a->cap ? a->cap * 2 : 32;
    char **nv = realloc(a->v, sizeof(char *) * cap);
    if (!nv)
      return -1;
    a->v = nv;
    a->cap = cap;
  }
  a->v[a->n++] = s;
  a->v[a->n] = NULL;
  return 0;
}

static char *read_text(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  int c;
  while (m && (c = fgetc(f)) != EOF)
    fputc(c, m);
  fclose(f);
  if (m)
    fclose(m);
  return buf;
}

/* Splits text into arguments (GNU quoting) appended to out. */
static int tokenize(const char *s, struct vec *out) {
  while (*s) {
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
      s++;
    if (!*s)
      break;
    char *tok = malloc(strlen(s) + 1), *t = tok;
    if (!tok)
      return -1;
    char quote = 0;
    for (; *s && (quote || !strchr(" \t\n\r", *s)); s++) {
      if (*s == '\\' && s[1] && quote != '\'')
        *t++ = *++s;
      else if (quote && *s == quote)
        quote = 0;
      else if (!quote && (*s == '\'' || *s == '"'))
        quote = *s;
      else
        *t++ = *s;
    }
    *t = 0;
    if (vec_push(out, tok))
      return -1;
  }
  return 0;
}

static int expand(char **in, int n, struct vec *out, int depth, char *why,
                  unsigned long whylen) {
  for (int i = 0; i < n; i++) {
    if (in[i][0] != '@' || !in[i][1]) {
      if (vec_push(out, in[i]))
        return -1;
      continue;
    }
    if (depth >= 16) {
      snprintf(why, whylen, "response files nested too deeply at '%s'", in[i]);
      return -1;
    }
    char *text = read_text(in[i] + 1);
    if (!text) {
      snprintf(why, whylen, "cannot read response file '%s'", in[i] + 1);
      return -1;
    }
    struct vec sub = {0};
    int rc = tokenize(text, &sub);
    free(text);
    if (rc == 0)
      rc = expand(sub.v, sub.n, out, depth + 1, why, whylen);
    free(sub.v);
    if (rc)
      return -1;
  }
  return 0;
}

int sfi_expand_response_files(int *argc, char ***argv, char *why,
                              unsigned long whylen) {
  struct vec out = {0};
  snprintf(why, whylen, "out of memory");
  if (vec_push(&out, (*argv)[0]) ||
      expand(*argv + 1, *argc - 1, &out, 0, why, whylen))
    return -1;
  *argc = out.n;
  *argv = out.v;
  return 0;
}
