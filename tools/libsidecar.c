/* libsidecar.c: see libsidecar.h. */
#include "libsidecar.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* The first n bytes of path, or fewer (0 if it cannot be read). */
static size_t read_head(const char *path, unsigned char *buf, size_t n) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  ssize_t r = read(fd, buf, n);
  close(fd);
  return r < 0 ? 0 : (size_t)r;
}

static int is_elf(const unsigned char *h, size_t n) {
  return n >= 4 && memcmp(h, "\177ELF", 4) == 0;
}

static int is_shared_object(const char *path) {
  unsigned char h[18];
  size_t n = read_head(path, h, sizeof h);
  return n == sizeof h && is_elf(h, n) && h[16] == 3 /* ET_DYN */ &&
         h[17] == 0;
}

static char *suffixed(const char *real, const char *sfx) {
  size_t n = strlen(real) + strlen(sfx) + 1;
  char *p = malloc(n);
  if (p)
    snprintf(p, n, "%s%s", real, sfx);
  return p;
}

char *sfi_sidecar_of(const char *path, char **archive) {
  *archive = NULL;
  if (!is_shared_object(path))
    return NULL;
  char real[PATH_MAX];
  if (!realpath(path, real))
    return NULL;
  char *script = suffixed(real, ".sfi-link");
  if (!script || access(script, R_OK) != 0) {
    free(script);
    return NULL;
  }
  char *a = suffixed(real, ".sfi.a");
  if (a && access(a, R_OK) == 0)
    *archive = a;
  else
    free(a);
  return script;
}

/* Reads a sidecar script exactly as sfi_sidecar_write writes it: one
 * comment line, then `GROUP ( "path" ... )` on one line. Anything else is
 * not ours and is refused (a linker script can name inputs in many ways
 * that a looser reader would not check). */
static int read_group(const char *script, char ***paths, int *n) {
  *paths = NULL;
  *n = 0;
  FILE *f = fopen(script, "r");
  if (!f)
    return -1;
  char line[64 * 1024];
  int rc = -1;
  if (!fgets(line, sizeof line, f) || strncmp(line, "/* sfi-cc: ", 11) != 0 ||
      !strstr(line, "*/\n") || !fgets(line, sizeof line, f) ||
      strncmp(line, "GROUP (", 7) != 0 || !strchr(line, '\n'))
    goto out;
  char *q = line + 7;
  for (;;) {
    while (*q == ' ')
      q++;
    if (q[0] == ')' && q[1] == '\n' && q[2] == 0)
      break;
    char *e = *q == '"' ? strchr(q + 1, '"') : NULL;
    if (!e)
      goto out;
    *e = 0;
    char **grown = realloc(*paths, (size_t)(*n + 1) * sizeof **paths);
    if (!grown)
      goto out;
    *paths = grown;
    (*paths)[(*n)++] = strdup(q + 1);
    q = e + 1;
  }
  char extra[2];
  rc = fgets(extra, sizeof extra, f) ? -1 : 0; /* nothing after it */
out:
  fclose(f);
  if (rc != 0) {
    for (int i = 0; i < *n; i++)
      free((*paths)[i]);
    free(*paths);
    *paths = NULL;
    *n = 0;
  }
  return rc;
}

struct seen {
  char **v;
  int n;
};

static int walk(const char *script, struct seen *seen,
                int (*fn)(const char *, void *), void *arg) {
  for (int i = 0; i < seen->n; i++)
    if (!strcmp(seen->v[i], script))
      return 0; /* already checked (a library two others were linked with) */
  if (seen->n >= 4096)
    return -1;
  char **grown = realloc(seen->v, (size_t)(seen->n + 1) * sizeof *seen->v);
  if (!grown)
    return -1;
  seen->v = grown;
  seen->v[seen->n++] = strdup(script);
  char **paths;
  int n, rc = read_group(script, &paths, &n);
  for (int i = 0; i < n; i++) {
    struct stat st;
    size_t len = paths[i] ? strlen(paths[i]) : 0;
    if (rc == 0 && (!paths[i] || stat(paths[i], &st) != 0 ||
                    !S_ISREG(st.st_mode)))
      rc = -1; /* only regular files (no /dev/zero, no directories) */
    else if (rc == 0 && len > 9 && !strcmp(paths[i] + len - 9, ".sfi-link"))
      rc = walk(paths[i], seen, fn, arg);
    else if (rc == 0)
      rc = fn(paths[i], arg);
    free(paths[i]);
  }
  free(paths);
  return rc;
}

int sfi_sidecar_archives(const char *script,
                         int (*fn)(const char *archive, void *arg),
                         void *arg) {
  struct seen seen = {NULL, 0};
  int rc = walk(script, &seen, fn, arg);
  for (int i = 0; i < seen.n; i++)
    free(seen.v[i]);
  free(seen.v);
  return rc;
}

static int run_ar(const char *ar, const char *archive, char *const *objs,
                  int nobjs) {
  char **v = calloc((size_t)nobjs + 4, sizeof *v);
  if (!v)
    return 1;
  int n = 0;
  v[n++] = (char *)ar;
  v[n++] = "rcsD"; /* D: deterministic (no times, owners) */
  v[n++] = (char *)archive;
  for (int i = 0; i < nobjs; i++)
    if (objs[i])
      v[n++] = objs[i];
  pid_t pid = fork();
  if (pid == 0) {
    execv(ar, v);
    fprintf(stderr, "sfi-cc: error: cannot run %s: %s\n", ar, strerror(errno));
    _exit(127);
  }
  free(v);
  int st;
  if (pid < 0 || waitpid(pid, &st, 0) < 0)
    return 1;
  return !(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

/* The script quotes paths; a path with a quote or newline cannot be named
 * in it (lld's script lexer has no escapes). */
static int quotable(const char *p) { return !strpbrk(p, "\"\n"); }

int sfi_sidecar_write(const char *out, const char *ar, char *const *objs,
                      int nobjs) {
  char real[PATH_MAX];
  if (!realpath(out, real)) {
    fprintf(stderr, "sfi-cc: error: %s: %s\n", out, strerror(errno));
    return 1;
  }
  char *archive = suffixed(real, ".sfi.a"), *script =
                                                 suffixed(real, ".sfi-link");
  char **copy = calloc((size_t)nobjs + 1, sizeof *copy);
  char **named = calloc((size_t)nobjs + 1, sizeof *named);
  int ncopy = 0, nnamed = 0, rc = 1;
  if (!archive || !script || !copy || !named)
    goto out;
  for (int i = 0; i < nobjs; i++) {
    unsigned char h[4];
    if (!is_elf(h, read_head(objs[i], h, sizeof h))) {
      /* An archive, or the sidecar script that already stands for a
       * sandboxed shared library (sfi-cc's input check put it there): named
       * where it is. */
      char r[PATH_MAX];
      if (!realpath(objs[i], r)) {
        fprintf(stderr, "sfi-cc: error: %s: %s\n", objs[i], strerror(errno));
        goto out;
      }
      named[nnamed++] = strdup(r);
    } else {
      copy[ncopy++] = objs[i];
    }
  }
  unlink(archive);
  if (ncopy && run_ar(ar, archive, copy, ncopy) != 0) {
    fprintf(stderr, "sfi-cc: error: cannot write %s\n", archive);
    goto out;
  }
  char tmp[PATH_MAX + 8];
  snprintf(tmp, sizeof tmp, "%s.tmp", script);
  FILE *f = fopen(tmp, "w");
  if (!f) {
    fprintf(stderr, "sfi-cc: error: %s: %s\n", tmp, strerror(errno));
    goto out;
  }
  fprintf(f, "/* sfi-cc: what linking %s into a program links (see "
             "tools/libsidecar.h) */\nGROUP (",
          real);
  int ok = 1;
  if (ncopy) {
    ok &= quotable(archive);
    fprintf(f, " \"%s\"", archive);
  }
  for (int i = 0; i < nnamed; i++) {
    ok &= named[i] != NULL && quotable(named[i]);
    if (named[i])
      fprintf(f, " \"%s\"", named[i]);
  }
  fprintf(f, " )\n");
  if (fclose(f) != 0 || !ok) {
    unlink(tmp);
    fprintf(stderr, "sfi-cc: error: cannot write %s%s\n", script,
            ok ? "" : " (a path with a quote or newline)");
    goto out;
  }
  if (rename(tmp, script) != 0) {
    fprintf(stderr, "sfi-cc: error: %s: %s\n", script, strerror(errno));
    goto out;
  }
  rc = 0;
out:
  for (int i = 0; i < nnamed; i++)
    free(named[i]);
  free(named);
  free(copy);
  free(archive);
  free(script);
  return rc;
}
