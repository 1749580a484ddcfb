// dirs.c: granted directories (--dir). Inside a granted directory the
// program reads, writes, lists, creates, renames and removes; every way out
// is refused: "..", absolute paths outside, symlinks (absolute, relative,
// to a directory) that lead out, a guest name that hides the host path.
// The file outside must never be read, changed or moved.
// RUN: rm -rf %t.d && mkdir -p %t.d/box/sub %t.d/outside
// RUN: echo inside > %t.d/box/in.txt && echo TOPSECRET > %t.d/outside/secret.txt
// RUN: ln -s %t.d/outside/secret.txt %t.d/box/abslink
// RUN: ln -s ../outside/secret.txt %t.d/box/rellink
// RUN: ln -s ../outside %t.d/box/dirlink && ln -s in.txt %t.d/box/oklink
// RUN: ln -s %t.d/outside/created.txt %t.d/box/dangling
// RUN: sfi-cc -O2 %s -o %t.so
//
// Allowed: everything beneath the grant, under its host path; relative
// paths resolve against the first grant, the working directory (so
// ./<absolute path> names a file beneath it, which does not exist).
// RUN: sfi-run --dir %t.d/box %t.so cat %t.d/box/in.txt cat %t.d/box/oklink \
// RUN:   write %t.d/box/new.txt hello cat %t.d/box/new.txt stat %t.d/box/in.txt \
// RUN:   mkdir %t.d/box/sub/made rename %t.d/box/new.txt %t.d/box/sub/moved.txt \
// RUN:   ls %t.d/box/sub unlink %t.d/box/sub/moved.txt cat ./in.txt \
// RUN:   cat sub/../in.txt \
// RUN:   | FileCheck %s --check-prefix=ALLOW
// ALLOW: cat {{.*}}box/in.txt: ok "inside"
// ALLOW-NEXT: cat {{.*}}box/oklink: ok "inside"
// ALLOW-NEXT: write {{.*}}box/new.txt: ok
// ALLOW-NEXT: cat {{.*}}box/new.txt: ok "hello"
// ALLOW-NEXT: stat {{.*}}box/in.txt: ok size 7
// ALLOW-NEXT: mkdir {{.*}}box/sub/made: ok
// ALLOW-NEXT: rename {{.*}}box/new.txt: ok
// ALLOW-NEXT: ls {{.*}}box/sub: ok made moved.txt
// ALLOW-NEXT: unlink {{.*}}box/sub/moved.txt: ok
// ALLOW-NEXT: cat ./in.txt: ok "inside"
// ALLOW-NEXT: cat sub/../in.txt: ok "inside"
// ALLOW-NEXT: failures: 0
// RUN: test -d %t.d/box/sub/made && test ! -e %t.d/box/new.txt && test ! -e %t.d/box/sub/moved.txt
//
// Denied: every way out. Each line must be an error; the secret never shows.
// RUN: not sfi-run --dir %t.d/box %t.so cat %t.d/box/../outside/secret.txt \
// RUN:   cat %t.d/outside/secret.txt cat %t.d/box/abslink cat %t.d/box/rellink \
// RUN:   cat %t.d/box/dirlink/secret.txt cat ../outside/secret.txt cat /etc/passwd \
// RUN:   cat %t.d/box/sub/../../outside/secret.txt stat %t.d/box/abslink \
// RUN:   ls %t.d/box/dirlink ls %t.d/box/.. ls / write %t.d/outside/new.txt x \
// RUN:   write %t.d/box/abslink x write %t.d/box/dirlink/new.txt x \
// RUN:   write %t.d/box/dangling x \
// RUN:   mkdir %t.d/outside/made rename %t.d/box/in.txt %t.d/outside/stolen.txt \
// RUN:   rename %t.d/box/in.txt %t.d/box/dirlink/stolen.txt \
// RUN:   rename %t.d/outside/secret.txt %t.d/box/got.txt \
// RUN:   unlink %t.d/outside/secret.txt unlink %t.d/box/dirlink/secret.txt \
// RUN:   rmdir %t.d/outside rmdir %t.d/box catlong x \
// RUN:   cat sub/../../outside/secret.txt cat ../../../../../../../../etc/passwd \
// RUN:   cat ./%t.d/box/in.txt \
// RUN:   | FileCheck %s --check-prefix=DENY --implicit-check-not=TOPSECRET
// DENY: cat {{.*}}box/../outside/secret.txt: error
// DENY-NEXT: cat {{.*}}outside/secret.txt: error
// DENY-NEXT: cat {{.*}}box/abslink: error
// DENY-NEXT: cat {{.*}}box/rellink: error
// DENY-NEXT: cat {{.*}}box/dirlink/secret.txt: error
// DENY-NEXT: cat ../outside/secret.txt: error
// DENY-NEXT: cat /etc/passwd: error
// DENY-NEXT: cat {{.*}}box/sub/../../outside/secret.txt: error
// DENY-NEXT: stat {{.*}}box/abslink: error
// DENY-NEXT: ls {{.*}}box/dirlink: error
// DENY-NEXT: ls {{.*}}box/..: error
// DENY-NEXT: ls /: error
// DENY-NEXT: write {{.*}}outside/new.txt: error
// DENY-NEXT: write {{.*}}box/abslink: error
// DENY-NEXT: write {{.*}}box/dirlink/new.txt: error
// DENY-NEXT: write {{.*}}box/dangling: error
// DENY-NEXT: mkdir {{.*}}outside/made: error
// DENY-NEXT: rename {{.*}}box/in.txt: error
// DENY-NEXT: rename {{.*}}box/in.txt: error
// DENY-NEXT: rename {{.*}}outside/secret.txt: error
// DENY-NEXT: unlink {{.*}}outside/secret.txt: error
// DENY-NEXT: unlink {{.*}}box/dirlink/secret.txt: error
// DENY-NEXT: rmdir {{.*}}outside: error
// DENY-NEXT: rmdir {{.*}}box: error
// DENY-NEXT: catlong {{.*}}: error
// DENY-NEXT: cat sub/../../outside/secret.txt: error
// DENY-NEXT: cat ../../../../../../../../etc/passwd: error
// DENY-NEXT: cat ./{{.*}}box/in.txt: error No such file or directory
// DENY-NEXT: failures: 28
// The outside is exactly as it was; the box still has its file.
// RUN: test "$(cat %t.d/outside/secret.txt)" = TOPSECRET
// RUN: test "$(ls %t.d/outside)" = secret.txt && test -f %t.d/box/in.txt
//
// No grant, no files.
// RUN: not sfi-run %t.so cat %t.d/box/in.txt write %t.d/box/x y | FileCheck %s --check-prefix=NONE
// NONE: cat {{.*}}box/in.txt: error
// NONE-NEXT: write {{.*}}box/x: error
// RUN: test ! -e %t.d/box/x
//
// A guest name (--dir HOST:G) hides the host path from the sandbox.
// RUN: not sfi-run --dir %t.d/box:/data %t.so cat /data/in.txt ls /data \
// RUN:   cat %t.d/box/in.txt cat /data/../outside/secret.txt cat /data/dirlink/secret.txt \
// RUN:   cat oklink cat ../outside/secret.txt \
// RUN:   | FileCheck %s --check-prefix=GUEST --implicit-check-not=TOPSECRET
// GUEST: cat /data/in.txt: ok "inside"
// GUEST-NEXT: ls /data: ok abslink dangling dirlink in.txt oklink rellink sub
// GUEST-NEXT: cat {{.*}}box/in.txt: error
// GUEST-NEXT: cat /data/../outside/secret.txt: error
// GUEST-NEXT: cat /data/dirlink/secret.txt: error
// GUEST-NEXT: cat oklink: ok "inside"
// GUEST-NEXT: cat ../outside/secret.txt: error
// GUEST-NEXT: failures: 4
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures;

static void err(void) {
  printf("error %s\n", strerror(errno));
  failures++;
}

static void op_cat(const char *path) {
  FILE *f = fopen(path, "r");
  char buf[256];
  if (!f)
    return err();
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  while (n && buf[n - 1] == '\n')
    n--;
  buf[n] = 0;
  printf("ok \"%s\"\n", buf);
}

static void op_write(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  if (!f)
    return err();
  if (fputs(text, f) < 0 || fclose(f) != 0)
    return err();
  printf("ok\n");
}

static int cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void op_ls(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return err();
  char *names[64];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) && n < 64)
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
      names[n++] = strdup(e->d_name);
  closedir(d);
  qsort(names, (size_t)n, sizeof *names, cmp);
  printf("ok");
  for (int i = 0; i < n; i++)
    printf(" %s", names[i]);
  printf("\n");
}

static void done(int rc) {
  if (rc)
    err();
  else
    printf("ok\n");
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    const char *op = argv[i], *a = i + 1 < argc ? argv[++i] : "";
    printf("%s %s: ", op, a);
    fflush(stdout);
    struct stat st;
    if (!strcmp(op, "cat"))
      op_cat(a);
    else if (!strcmp(op, "write") && i + 1 < argc)
      op_write(a, argv[++i]);
    else if (!strcmp(op, "ls"))
      op_ls(a);
    else if (!strcmp(op, "stat")) {
      if (stat(a, &st) != 0)
        err();
      else
        printf("ok size %lld\n", (long long)st.st_size);
    } else if (!strcmp(op, "mkdir"))
      done(mkdir(a, 0755));
    else if (!strcmp(op, "rename") && i + 1 < argc)
      done(rename(a, argv[++i]));
    else if (!strcmp(op, "unlink"))
      done(unlink(a));
    else if (!strcmp(op, "rmdir"))
      done(rmdir(a));
    else if (!strcmp(op, "catlong")) { /* a path longer than PATH_MAX */
      static char p[9000];
      memset(p, 'a', sizeof p - 1);
      op_cat(p);
    } else {
      printf("unknown op\n");
      return 2;
    }
  }
  printf("failures: %d\n", failures);
  fflush(stdout);
  return failures ? 1 : 0;
}
