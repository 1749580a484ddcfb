/* misc.c: abs/div families, system, mkstemp/mktemp, and the odds and ends
 * of stdlib.h that need no state. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

int abs(int a) { return a < 0 ? -a : a; }
long labs(long a) { return a < 0 ? -a : a; }
long long llabs(long long a) { return a < 0 ? -a : a; }
intmax_t imaxabs(intmax_t a) { return a < 0 ? -a : a; }
div_t div(int a, int b) { return (div_t){a / b, a % b}; }
ldiv_t ldiv(long a, long b) { return (ldiv_t){a / b, a % b}; }
lldiv_t lldiv(long long a, long long b) { return (lldiv_t){a / b, a % b}; }
imaxdiv_t imaxdiv(intmax_t a, intmax_t b) { return (imaxdiv_t){a / b, a % b}; }

/* No processes in a sandbox: no command processor. */
int system(const char *cmd) {
  if (!cmd)
    return 0;
  errno = ENOSYS;
  return -1;
}

static int fill_template(char *t, size_t suffix) {
  size_t l = strlen(t);
  if (l < 6 + suffix || memcmp(t + l - suffix - 6, "XXXXXX", 6)) {
    errno = EINVAL;
    return -1;
  }
  static const char chars[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  unsigned char r[6];
  if (__sfi_sys_getrandom(r, sizeof r) != (long)sizeof r)
    for (int i = 0; i < 6; i++)
      r[i] = (unsigned char)random();
  for (int i = 0; i < 6; i++)
    t[l - suffix - 6 + i] = chars[r[i] % 62];
  return 0;
}

int mkostemps(char *t, int suffix, int flags) {
  for (int tries = 0; tries < 100; tries++) {
    if (fill_template(t, (size_t)suffix) < 0)
      return -1;
    int fd = open(t, O_RDWR | O_CREAT | O_EXCL | flags, 0600);
    if (fd >= 0 || errno != EEXIST)
      return fd;
    memcpy(t + strlen(t) - suffix - 6, "XXXXXX", 6);
  }
  errno = EEXIST;
  return -1;
}
int mkstemp(char *t) { return mkostemps(t, 0, 0); }
int mkstemps(char *t, int s) { return mkostemps(t, s, 0); }
int mkostemp(char *t, int f) { return mkostemps(t, 0, f); }

char *mktemp(char *t) {
  if (fill_template(t, 0) < 0)
    t[0] = 0;
  return t;
}

char *mkdtemp(char *t) {
  for (int tries = 0; tries < 100; tries++) {
    if (fill_template(t, 0) < 0)
      return 0;
    if (mkdir(t, 0700) == 0)
      return t;
    if (errno != EEXIST)
      return 0;
    memcpy(t + strlen(t) - 6, "XXXXXX", 6);
  }
  return 0;
}

int getloadavg(double *a, int n) {
  (void)a;
  (void)n;
  return -1;
}
