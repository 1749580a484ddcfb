/* pwd.c: the user database of a sandbox: one fixed user, "sandbox", with
 * the ids getuid()/getgid() report, home "/" and shell "/bin/sh", and its
 * group "sandbox". Lookups of anything else find nothing (NULL, errno
 * unchanged; the _r forms return 0 with *result NULL). */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

static char name[] = "sandbox", passwd[] = "x", home[] = "/",
            shell[] = "/bin/sh";
static char *no_members[] = {0};

static struct passwd the_user(void) {
  return (struct passwd){name, passwd, getuid(), getgid(), name, home, shell};
}

struct passwd *getpwuid(uid_t uid) {
  static struct passwd pw;
  if (uid != getuid())
    return 0;
  pw = the_user();
  return &pw;
}
struct passwd *getpwnam(const char *n) {
  return strcmp(n, name) == 0 ? getpwuid(getuid()) : 0;
}

static int copy_user(struct passwd *pw, char *buf, size_t n,
                     struct passwd **res) {
  struct passwd u = the_user();
  const char *s[] = {u.pw_name, u.pw_passwd, u.pw_gecos, u.pw_dir, u.pw_shell};
  char **d[] = {&pw->pw_name, &pw->pw_passwd, &pw->pw_gecos, &pw->pw_dir,
                &pw->pw_shell};
  size_t need = 0;
  for (int i = 0; i < 5; i++)
    need += strlen(s[i]) + 1;
  *res = 0;
  if (need > n)
    return ERANGE;
  *pw = u;
  for (int i = 0; i < 5; i++) {
    size_t l = strlen(s[i]) + 1;
    *d[i] = memcpy(buf, s[i], l);
    buf += l;
  }
  *res = pw;
  return 0;
}
int getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t n,
               struct passwd **res) {
  if (uid != getuid()) {
    *res = 0;
    return 0;
  }
  return copy_user(pw, buf, n, res);
}
int getpwnam_r(const char *nm, struct passwd *pw, char *buf, size_t n,
               struct passwd **res) {
  if (strcmp(nm, name) != 0) {
    *res = 0;
    return 0;
  }
  return copy_user(pw, buf, n, res);
}

static int pw_next;
void setpwent(void) { pw_next = 0; }
void endpwent(void) { pw_next = 0; }
struct passwd *getpwent(void) {
  return pw_next++ == 0 ? getpwuid(getuid()) : 0;
}

struct group *getgrgid(gid_t gid) {
  static struct group gr;
  if (gid != getgid())
    return 0;
  gr = (struct group){name, passwd, getgid(), no_members};
  return &gr;
}
struct group *getgrnam(const char *n) {
  return strcmp(n, name) == 0 ? getgrgid(getgid()) : 0;
}
char *getlogin(void) { return name; }
int getlogin_r(char *buf, size_t n) {
  if (n < sizeof name)
    return ERANGE;
  memcpy(buf, name, sizeof name);
  return 0;
}
