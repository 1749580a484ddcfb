/* poll.c: __sfi_sys_poll over sandbox descriptors, translated to host ones
 * (an fd that is not the sandbox's reports POLLNVAL, a negative one is
 * skipped, as poll(2) does). The wait ends at the timeout, or at the time
 * limit of the current call (a trap), whichever comes first: a sandbox
 * blocked here must not outlive its limit. With nfds == 0 it is a sleep. */
#include <poll.h>
#include <string.h>
#include <time.h>

#include "sys.h"

struct guest_pollfd { /* struct pollfd as the sandbox lays it out */
  int32_t fd;
  int16_t events, revents;
};
_Static_assert(sizeof(struct guest_pollfd) == sizeof(struct pollfd),
               "struct pollfd layout");

#define POLL_MAX SFI_FD_MAX /* poll(2) itself refuses nfds > RLIMIT_NOFILE */

int sfi__sys_poll(uint64_t fds, uint64_t nfds, int timeout_ms) {
  sfi_instance *in = sfi_current();
  if (nfds > POLL_MAX)
    return -EINVAL;
  struct guest_pollfd *g =
      nfds ? sfi_ptr(in, fds, nfds * sizeof *g, 1) : NULL;
  if (nfds && !g)
    return -EFAULT;
  struct pollfd h[POLL_MAX];
  unsigned char nval[POLL_MAX];
  int bad = 0;
  for (uint64_t i = 0; i < nfds; i++) {
    /* Read each field once: the sandbox may change it meanwhile. */
    int32_t fd = __atomic_load_n(&g[i].fd, __ATOMIC_RELAXED);
    int16_t ev = __atomic_load_n(&g[i].events, __ATOMIC_RELAXED);
    int hf = fd < 0 ? -1 : sfi__sys_hostfd(in, fd);
    h[i] = (struct pollfd){.fd = hf, .events = ev, .revents = 0};
    nval[i] = fd >= 0 && hf < 0;
    bad |= nval[i];
  }
  struct sfi_thread *t = sfi__thread();
  struct timespec end;
  if (timeout_ms > 0) {
    clock_gettime(CLOCK_MONOTONIC, &end);
    end.tv_sec += timeout_ms / 1000;
    end.tv_nsec += (long)(timeout_ms % 1000) * 1000000;
    if (end.tv_nsec >= 1000000000) {
      end.tv_nsec -= 1000000000;
      end.tv_sec++;
    }
  }
  int r;
  for (;;) {
    long long wait = bad ? 0 : timeout_ms < 0 ? -1 : timeout_ms == 0 ? 0
                                                   : sfi__sys_ms_until(&end, 1);
    if (wait < 0 && timeout_ms >= 0)
      wait = 0;
    if (t->timer_armed) {
      long long left = sfi__sys_ms_until(&t->deadline, 1);
      if (left <= 0)
        sfi__trap_now(SFI_TRAP_TIMEOUT, "time limit exceeded while the "
                                        "sandbox waited in poll");
      if (wait < 0 || wait > left)
        wait = left;
    }
    if (wait > 1000 || (wait < 0 && t->timer_armed))
      wait = 1000; /* look at the limit again at least once a second */
    r = poll(h, (nfds_t)nfds, (int)wait);
    if (r < 0 && errno == EINTR)
      continue;
    if (r != 0 || timeout_ms == 0 || bad)
      break;
    if (timeout_ms > 0 && sfi__sys_ms_until(&end, 1) <= 0)
      break;
  }
  if (r < 0)
    return -errno;
  int n = 0;
  for (uint64_t i = 0; i < nfds; i++) {
    int16_t rev = nval[i] ? POLLNVAL : h[i].fd < 0 ? 0 : h[i].revents;
    __atomic_store_n(&g[i].revents, rev, __ATOMIC_RELAXED);
    n += rev != 0;
  }
  return n;
}
