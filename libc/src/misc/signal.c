/* signal.c: signal() keeps handlers, raise() calls them; nothing arrives
 * from outside a sandbox, so these are the only deliveries. A signal whose
 * default action terminates ends the instance with an abort trap. */
#include <errno.h>
#include <signal.h>
#include <string.h>

#include "internal.h"

#define NSIGS 65

static void (*handlers[NSIGS])(int);

void (*signal(int sig, void (*fn)(int)))(int) {
  if (sig <= 0 || sig >= NSIGS || sig == SIGKILL || sig == SIGSTOP) {
    errno = EINVAL;
    return SIG_ERR;
  }
  void (*old)(int) = handlers[sig];
  handlers[sig] = fn;
  return old;
}
void (*bsd_signal(int sig, void (*fn)(int)))(int) { return signal(sig, fn); }
void (*sysv_signal(int sig, void (*fn)(int)))(int) { return signal(sig, fn); }

int sigaction(int sig, const struct sigaction *restrict sa,
              struct sigaction *restrict old) {
  if (sig <= 0 || sig >= NSIGS) {
    errno = EINVAL;
    return -1;
  }
  if (old) {
    memset(old, 0, sizeof *old);
    old->sa_handler = handlers[sig];
  }
  if (sa)
    handlers[sig] = sa->sa_handler;
  return 0;
}

int raise(int sig) {
  if (sig <= 0 || sig >= NSIGS) {
    errno = EINVAL;
    return -1;
  }
  void (*h)(int) = handlers[sig];
  if (h == SIG_IGN)
    return 0;
  if (h == SIG_DFL) {
    switch (sig) {
    case SIGCHLD:
    case SIGURG:
    case SIGWINCH:
    case SIGCONT:
      return 0;
    default:
      /* Like glibc's abort: buffered output is not flushed. */
      __sfi_sys_abort();
    }
  }
  /* One-shot semantics are not emulated: handlers stay installed, like
   * glibc's signal(), which has BSD semantics. */
  h(sig);
  return 0;
}

int kill(int pid, int sig) {
  (void)pid;
  return raise(sig);
}

int sigemptyset(sigset_t *s) {
  memset(s, 0, sizeof *s);
  return 0;
}
int sigfillset(sigset_t *s) {
  memset(s, 0xff, sizeof *s);
  return 0;
}
int sigaddset(sigset_t *s, int sig) {
  if (sig <= 0 || sig >= NSIGS) {
    errno = EINVAL;
    return -1;
  }
  ((unsigned long *)s)[(sig - 1) / 64] |= 1ul << ((sig - 1) % 64);
  return 0;
}
int sigdelset(sigset_t *s, int sig) {
  if (sig <= 0 || sig >= NSIGS) {
    errno = EINVAL;
    return -1;
  }
  ((unsigned long *)s)[(sig - 1) / 64] &= ~(1ul << ((sig - 1) % 64));
  return 0;
}
int sigismember(const sigset_t *s, int sig) {
  if (sig <= 0 || sig >= NSIGS)
    return 0;
  return (
      int)((((const unsigned long *)s)[(sig - 1) / 64] >> ((sig - 1) % 64)) &
           1);
}
int sigprocmask(int how, const sigset_t *restrict s, sigset_t *restrict old) {
  (void)how;
  (void)s;
  if (old)
    sigemptyset(old);
  return 0;
}
