/* wait.c: everything that waits: poll, select, the sleeps, and alarm.
 * Waiting happens in the host (__sfi_sys_poll), never by spinning, and
 * never past the instance's time limit.
 *
 * Signals reach a sandbox only from itself (see misc/signal.c). An alarm
 * (alarm, setitimer ITIMER_REAL) is therefore delivered at the next point
 * where the libc asks the system interface for something: a read, a write,
 * an open, a wait. A wait that an alarm ends returns -1 with EINTR after
 * the handler ran, as it would with a real SIGALRM (no SA_RESTART). */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <sys/select.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

/* ---- the alarm clock (CLOCK_MONOTONIC, in ns; 0 = none) ---- */
static int64_t alarm_at, alarm_every;

static int64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

HIDDEN int __sfi_alarm_pending;

static void arm(int64_t at, int64_t every) {
  alarm_at = at;
  alarm_every = every;
  __sfi_alarm_pending = at != 0;
}

HIDDEN int __sfi_alarm_deliver(void) {
  if (!alarm_at || now_ns() < alarm_at)
    return 0;
  arm(alarm_every ? alarm_at + alarm_every : 0, alarm_every);
  raise(SIGALRM);
  return 1;
}

/* Milliseconds until the alarm (rounded up), or -1 when none is set. */
static long long alarm_ms(void) {
  if (!alarm_at)
    return -1;
  int64_t d = alarm_at - now_ns();
  return d <= 0 ? 0 : (d + 999999) / 1000000;
}

/* Waits and timers longer than this (about 31 years) are this long: the
 * sums below then cannot overflow (review: nanosleep({LLONG_MAX}) returned
 * at once, setitimer({LLONG_MAX}) fired at once). */
#define LONGEST_S 1000000000LL

static int64_t clamp_s(long long s) { return s > LONGEST_S ? LONGEST_S : s; }

static void ns_to_tv(int64_t ns, struct timeval *tv) {
  tv->tv_sec = ns / 1000000000;
  tv->tv_usec = (ns % 1000000000) / 1000;
}

int getitimer(int which, struct itimerval *v) {
  if (which != ITIMER_REAL) {
    errno = EINVAL; /* no CPU-time timers in a sandbox */
    return -1;
  }
  int64_t left = alarm_at ? alarm_at - now_ns() : 0;
  ns_to_tv(left > 0 ? left : alarm_at ? 1000 : 0, &v->it_value);
  ns_to_tv(alarm_every, &v->it_interval);
  return 0;
}

int setitimer(int which, const struct itimerval *restrict v,
              struct itimerval *restrict old) {
  if (which != ITIMER_REAL || v->it_value.tv_usec < 0 ||
      v->it_value.tv_usec >= 1000000 || v->it_value.tv_sec < 0 ||
      v->it_interval.tv_usec < 0 || v->it_interval.tv_usec >= 1000000 ||
      v->it_interval.tv_sec < 0) {
    errno = EINVAL;
    return -1;
  }
  if (old)
    getitimer(which, old);
  int64_t val = clamp_s(v->it_value.tv_sec) * 1000000000 +
                v->it_value.tv_usec * 1000;
  int64_t every = clamp_s(v->it_interval.tv_sec) * 1000000000 +
                  v->it_interval.tv_usec * 1000;
  arm(val ? now_ns() + val : 0, val ? every : 0);
  return 0;
}

unsigned alarm(unsigned secs) {
  struct itimerval v = {{0, 0}, {(time_t)secs, 0}}, old;
  setitimer(ITIMER_REAL, &v, &old);
  /* The seconds the previous alarm had left, rounded to nearest, and at
   * least 1 if one was set (as POSIX asks). */
  unsigned left = (unsigned)old.it_value.tv_sec;
  if (old.it_value.tv_usec >= 500000 || (!left && old.it_value.tv_usec))
    left++;
  return left;
}

/* ---- waiting ---- */

/* Waits like poll(2) with timeout ms (< 0: none). An alarm due before the
 * timeout ends the wait: its handler runs and the wait fails with EINTR. */
static int wait_fds(struct pollfd *fds, nfds_t n, long long ms) {
  if (__sfi_alarm_deliver()) {
    errno = EINTR;
    return -1;
  }
  long long a = alarm_ms();
  int by_alarm = a >= 0 && (ms < 0 || a < ms);
  long long w = by_alarm ? a : ms;
  if (w > INT32_MAX)
    w = INT32_MAX; /* about 24 days; a longer wait is a loop in the caller */
  int r = __sfi_sys_poll(fds, n, (int)w);
  if (r < 0)
    return (int)__sfi_fail(r);
  if (r == 0 && by_alarm) {
    while (!__sfi_alarm_deliver())
      ; /* the host woke us at most a millisecond early (rounding) */
    errno = EINTR;
    return -1;
  }
  return r;
}

int poll(struct pollfd *fds, nfds_t n, int ms) {
  return wait_fds(fds, n, ms < 0 ? -1 : ms);
}

static long long ts_ms(const struct timespec *ts) {
  if (!ts)
    return -1;
  return clamp_s(ts->tv_sec) * 1000 + (ts->tv_nsec + 999999) / 1000000;
}

int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *ts,
          const sigset_t *mask) {
  (void)mask; /* nothing arrives asynchronously: there is nothing to mask */
  if (ts && (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)) {
    errno = EINVAL;
    return -1;
  }
  return wait_fds(fds, n, ts_ms(ts));
}

/* select over poll: the sets are read once into a pollfd array and written
 * back from its results. */
int select(int n, fd_set *restrict r, fd_set *restrict w, fd_set *restrict e,
           struct timeval *restrict tv) {
  if (n < 0 || n > FD_SETSIZE ||
      (tv && (tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= 1000000))) {
    errno = EINVAL;
    return -1;
  }
  struct pollfd p[FD_SETSIZE];
  nfds_t k = 0;
  for (int fd = 0; fd < n; fd++) {
    short ev = (r && FD_ISSET(fd, r) ? POLLIN : 0) |
               (w && FD_ISSET(fd, w) ? POLLOUT : 0) |
               (e && FD_ISSET(fd, e) ? POLLPRI : 0);
    if (ev)
      p[k++] = (struct pollfd){fd, ev, 0};
  }
  long long ms = tv ? clamp_s(tv->tv_sec) * 1000 + (tv->tv_usec + 999) / 1000
                    : -1;
  int rc = wait_fds(p, k, ms);
  if (rc < 0)
    return -1;
  for (nfds_t i = 0; i < k; i++)
    if (p[i].revents & POLLNVAL) {
      errno = EBADF;
      return -1;
    }
  if (r)
    FD_ZERO(r);
  if (w)
    FD_ZERO(w);
  if (e)
    FD_ZERO(e);
  int count = 0;
  for (nfds_t i = 0; i < k; i++) {
    short v = p[i].revents;
    if (r && (v & (POLLIN | POLLHUP | POLLERR)) && (p[i].events & POLLIN))
      FD_SET(p[i].fd, r), count++;
    if (w && (v & (POLLOUT | POLLERR)) && (p[i].events & POLLOUT))
      FD_SET(p[i].fd, w), count++;
    if (e && (v & POLLPRI))
      FD_SET(p[i].fd, e), count++;
  }
  if (tv && rc == 0)
    tv->tv_sec = tv->tv_usec = 0;
  return count;
}

int pselect(int n, fd_set *restrict r, fd_set *restrict w, fd_set *restrict e,
            const struct timespec *restrict ts, const sigset_t *restrict mask) {
  (void)mask;
  struct timeval tv, *tp = 0;
  if (ts) {
    if (ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000) {
      errno = EINVAL;
      return -1;
    }
    tv.tv_sec = ts->tv_sec;
    tv.tv_usec = (ts->tv_nsec + 999) / 1000;
    if (tv.tv_usec == 1000000)
      tv.tv_sec++, tv.tv_usec = 0;
    tp = &tv;
  }
  return select(n, r, w, e, tp);
}

/* Sleeps in the host until the time has passed (or an alarm interrupts
 * it: EINTR with the time left in rem). */
int nanosleep(const struct timespec *req, struct timespec *rem) {
  if (req->tv_nsec < 0 || req->tv_nsec >= 1000000000 || req->tv_sec < 0) {
    errno = EINVAL;
    return -1;
  }
  int64_t end = now_ns() + clamp_s(req->tv_sec) * 1000000000 + req->tv_nsec;
  for (;;) {
    int64_t left = end - now_ns();
    if (left <= 0)
      break;
    if (wait_fds(0, 0, (left + 999999) / 1000000) < 0) {
      if (rem) {
        left = end - now_ns();
        if (left < 0)
          left = 0;
        rem->tv_sec = left / 1000000000;
        rem->tv_nsec = left % 1000000000;
      }
      return -1; /* EINTR */
    }
  }
  if (rem)
    rem->tv_sec = rem->tv_nsec = 0;
  return 0;
}

int clock_nanosleep(clockid_t clk, int flags, const struct timespec *req,
                    struct timespec *rem) {
  if (clk != CLOCK_MONOTONIC && clk != CLOCK_REALTIME)
    return EINVAL;
  struct timespec rel = *req;
  if (flags & TIMER_ABSTIME) {
    struct timespec now;
    clock_gettime(clk, &now);
    int64_t d = (clamp_s((long long)req->tv_sec - now.tv_sec)) * 1000000000 +
                (req->tv_nsec - now.tv_nsec);
    if (d < 0)
      d = 0;
    rel.tv_sec = d / 1000000000;
    rel.tv_nsec = d % 1000000000;
    rem = 0;
  }
  return nanosleep(&rel, rem) < 0 ? errno : 0;
}

unsigned sleep(unsigned s) {
  struct timespec ts = {(time_t)s, 0}, rem = {0, 0};
  if (nanosleep(&ts, &rem) < 0)
    return (unsigned)rem.tv_sec + (rem.tv_nsec > 0);
  return 0;
}

int usleep(unsigned us) {
  struct timespec ts = {(time_t)(us / 1000000), (long)(us % 1000000) * 1000};
  return nanosleep(&ts, 0);
}

/* pause: only an alarm can end it; without one it would wait forever,
 * which the instance's time limit ends. */
int pause(void) {
  for (;;)
    if (wait_fds(0, 0, -1) < 0 && errno == EINTR)
      return -1;
}
