/* libsidecar.c: see libsidecar.h. */
#include "libsidecar.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int has_magic(const char *path, const char *magic, size_t n) {
  char buf[8];
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  ssize_t r = read(fd, buf, n);
  close(fd);
  return r == (ssize_t)n && memcmp(buf, magic, n) == 0;
}

static int is_shared_object(const char *path) {
  unsigned char h[18];
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  ssize_t r = read(fd, h, sizeof h);
  close(fd);
  return r == (ssize_t)sizeof h && memcmp(h, "\177ELF", 4) == 0 &&
         h[16] == 3 /* ET_DYN */ && h[17] == 0;
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

static int walk(const char *script, int depth,
                int (*fn)(const char *, void *), void *arg) {
  if (depth > 64)
    return -1;
  FILE *f = fopen(script, "r");
  if (!f)
    return -1;
  char line[3 * PATH_MAX];
  int rc = 0;
  while (rc == 0 && fgets(line, sizeof line, f)) {
    if (strncmp(line, "GROUP", 5) != 0)
      continue;
    for (char *q = strchr(line, '"'); rc == 0 && q; q = strchr(q, '"')) {
      char *e = strchr(q + 1, '"');
      if (!e) {
        rc = -1;
        break;
      }
      *e = 0;
      const char *path = q + 1;
      size_t n = strlen(path);
      if (n > 9 && !strcmp(path + n - 9, ".sfi-link"))
        rc = walk(path, depth + 1, fn, arg);
      else
        rc = fn(path, arg);
      q = e + 1;
    }
  }
  fclose(f);
  return rc;
}

int sfi_sidecar_archives(const char *script,
                         int (*fn)(const char *archive, void *arg),
                         void *arg) {
  return walk(script, 0, fn, arg);
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
    char *dep_archive = NULL, *dep = sfi_sidecar_of(objs[i], &dep_archive);
    free(dep_archive);
    if (dep) {
      named[nnamed++] = dep;
    } else if (has_magic(objs[i], "!<arch>\n", 8) ||
               !has_magic(objs[i], "\177ELF", 4)) {
      /* An archive (or a script of ours): named where it is. */
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
