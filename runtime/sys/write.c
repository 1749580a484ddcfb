/* write.c: __sfi_sys_write from a checked sandbox buffer. A write to a pipe
 * or socket whose reader is gone fails with EPIPE for the sandbox; the
 * SIGPIPE it raises must not reach the host, whose default action would
 * kill the process (review: pipe(p); close(p[0]); write(p[1], ...)). */
#include <poll.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "sys.h"

static ssize_t write_nosigpipe(int h, const void *p, size_t len) {
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
  errno = e;
  return r;
}

long sfi__sys_write(int fd, uint64_t buf, uint64_t len) {
  sfi_instance *in = sfi_current();
  void *p;
  int h = sfi__sys_iobuf(in, fd, buf, &len, SYS_IO_MAX, 0, &p);
  if (h < 0)
    return h;
  sfi__sys_wait(h, POLLOUT);
  ssize_t r = write_nosigpipe(h, p, len);
  return r < 0 ? -errno : r;
}
