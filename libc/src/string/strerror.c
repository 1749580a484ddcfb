/* strerror.c: strerror, strerror_r, strsignal, perror-free texts; the
 * texts are glibc's so native and sandboxed programs print the same. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "errlist.h"

#define NERR (int)(sizeof sfi_errlist / sizeof sfi_errlist[0])
#define NSIG_TEXT (int)(sizeof sfi_siglist / sizeof sfi_siglist[0])

static char unknown[32];

/* Texts of numbers glibc has none for ("Unknown error 41"). */
static const char *text(int e, char *buf, size_t n) {
  if (e >= 0 && e < NERR && strncmp(sfi_errlist[e], "Unknown error", 13))
    return sfi_errlist[e];
  snprintf(buf, n, "Unknown error %d", e);
  return buf;
}

char *strerror(int e) { return (char *)text(e, unknown, sizeof unknown); }

/* The POSIX (XSI) form, which musl's header declares. */
int strerror_r(int e, char *buf, size_t n) {
  char tmp[32];
  const char *t = text(e, tmp, sizeof tmp);
  size_t l = strlen(t);
  if (!n)
    return ERANGE;
  if (l >= n) {
    memcpy(buf, t, n - 1);
    buf[n - 1] = 0;
    return ERANGE;
  }
  memcpy(buf, t, l + 1);
  return 0;
}

char *strsignal(int s) {
  static char buf[32];
  if (s > 0 && s < NSIG_TEXT)
    return (char *)sfi_siglist[s];
  if (s >= 34 && s <= 64) {
    snprintf(buf, sizeof buf, "Real-time signal %d", s - 34);
    return buf;
  }
  snprintf(buf, sizeof buf, "Unknown signal %d", s);
  return buf;
}
