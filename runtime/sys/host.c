/* host.c: the system interface's meaning on host pointers (see host.h). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "host.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

/* The kernel's O_LARGEFILE (0100000). glibc defines O_LARGEFILE as 0 on
 * x86-64, musl (the sandbox's headers) as the kernel value, and musl's own
 * open() always adds it: it must be accepted. On x86-64 the kernel forces
 * it on every open, so it is dropped here, not passed on. */
#define SFI_O_LARGEFILE 0100000

#define OPEN_FLAGS_OK                                                          \
  (O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_APPEND | O_NONBLOCK |            \
   O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_SYNC | O_DSYNC |     \
   SFI_O_LARGEFILE)

int sfi__host_open_flags(int flags) {
  if (flags & ~OPEN_FLAGS_OK)
    return -EINVAL;
  if ((flags & O_ACCMODE) == O_ACCMODE)
    return -EINVAL;
  return flags & ~SFI_O_LARGEFILE;
}

long sfi__host_lseek(int h, long off, int whence) {
  if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END)
    return -EINVAL;
  off_t r = lseek(h, off, whence);
  return r < 0 ? -errno : r;
}

/* A write to a pipe or socket whose reader is gone fails with EPIPE; the
 * SIGPIPE it raises must not reach the host, whose default action would
 * kill the process (review: pipe(p); close(p[0]); write(p[1], ...)). */
long sfi__host_write(int h, const void *p, size_t len) {
  sigset_t pipe_set, old, pending;
  sigemptyset(&pipe_set);
  sigaddset(&pipe_set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
  /* A SIGPIPE the host already had pending is the host's: leave it. */
  int had = sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE);
  ssize_t r = write(h, p, len);
  int e = errno;
  if (r < 0 && e == EPIPE && !had && !sigismember(&old, SIGPIPE)) {
    struct timespec zero = {0, 0};
    /* The signal went to this thread (write raises it synchronously). */
    while (sigtimedwait(&pipe_set, NULL, &zero) < 0 && errno == EINTR)
      ;
  }
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  return r < 0 ? -e : r;
}

long sfi__host_getrandom(void *p, size_t len) {
  size_t done = 0;
  while (done < len) {
    ssize_t r = getrandom((char *)p + done, len - done, 0);
    if (r < 0) {
      if (errno == EINTR)
        continue;
      return done ? (long)done : -errno;
    }
    done += (size_t)r;
  }
  return (long)done;
}

int sfi__host_clock_gettime(int clk, void *ts) {
  static const clockid_t ids[] = {CLOCK_REALTIME, CLOCK_MONOTONIC,
                                  CLOCK_PROCESS_CPUTIME_ID};
  if (clk < 0 || clk > 2)
    return -EINVAL;
  if (!ts)
    return -EFAULT;
  struct timespec t;
  clock_gettime(ids[clk], &t);
  int64_t v[2] = {t.tv_sec, t.tv_nsec};
  memcpy(ts, v, 16);
  return 0;
}

#define FMT_WIDTH_MAX 100000

/* The format string is built only from validated integers; the result
 * goes into a host buffer first. */
int sfi__host_fmt_fp(char *dst, size_t cap, int spec, int width, int prec,
                     const void *vp) {
  int conv = spec & 0xff, flags = spec >> 8;
  if (!vp)
    return -EFAULT;
  long double value;
  memcpy(&value, vp, 10);
  if (!conv || !strchr("aAeEfFgG", conv) || (flags & ~31) || width < 0 ||
      width > FMT_WIDTH_MAX || prec > FMT_WIDTH_MAX)
    return -EINVAL;
  if (cap && !dst)
    return -EFAULT;
  char fmt[16], *f = fmt;
  *f++ = '%';
  if (flags & 1)
    *f++ = '-';
  if (flags & 2)
    *f++ = '+';
  if (flags & 4)
    *f++ = ' ';
  if (flags & 8)
    *f++ = '#';
  if (flags & 16)
    *f++ = '0';
  memcpy(f, "*.*L", 4);
  f += 4;
  *f++ = (char)conv;
  *f = 0;
  if (prec < 0)
    prec = -1; /* a negative precision is taken as if omitted */
  int n = snprintf(NULL, 0, fmt, width, prec, value);
  if (n < 0)
    return -EINVAL;
  char *tmp = malloc((size_t)n + 1);
  if (!tmp)
    return -ENOMEM;
  snprintf(tmp, (size_t)n + 1, fmt, width, prec, value);
  if (cap) {
    size_t k = (size_t)n < cap - 1 ? (size_t)n : cap - 1;
    memcpy(dst, tmp, k);
    dst[k] = 0;
  }
  free(tmp);
  return n;
}

/* A NUL-terminated copy of s[0..len) in tmp; NULL if any pointer is bad. */
static const char *strto_prep(const char *s, size_t len, uint64_t *end,
                              int *err, char *tmp) {
  if (!s || !end || !err)
    return NULL;
  if (len > SYS_STRTOD_MAX)
    len = SYS_STRTOD_MAX;
  memcpy(tmp, s, len);
  tmp[len] = 0;
  errno = 0;
  return tmp;
}

#define STRTO(name, T, fn)                                                     \
  T name(const char *s, size_t len, uint64_t *end, int *err) {                 \
    char tmp[SYS_STRTOD_MAX + 1], *e;                                          \
    if (!strto_prep(s, len, end, err, tmp))                                    \
      return 0;                                                                \
    T v = fn(tmp, &e);                                                         \
    *err = errno;                                                              \
    *end = (uint64_t)(e - tmp);                                                \
    return v;                                                                  \
  }
STRTO(sfi__host_strtod, double, strtod)
STRTO(sfi__host_strtof, float, strtof)
STRTO(sfi__host_strtold, long double, strtold)

uint64_t sfi__host_strv_bytes(char *const *v, int n) {
  uint64_t total = 0;
  for (int i = 0; i < n; i++)
    total += strlen(v[i]) + 1;
  return total;
}

void sfi__host_strv_copy(char *const *v, int n, uint64_t *ptrs, char *buf,
                         uint64_t gbuf) {
  uint64_t off = 0;
  for (int i = 0; i < n; i++) {
    size_t l = strlen(v[i]) + 1;
    memcpy(buf + off, v[i], l);
    ptrs[i] = gbuf + off;
    off += l;
  }
}
