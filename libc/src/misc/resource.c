/* resource.c: getrusage, getrlimit/setrlimit and prlimit for the sandbox.
 * CPU time is the process CPU clock of the system interface; the
 * resident-size figure is how far the sandbox's image and heap reach into
 * its region. Limits are a per-instance table: setrlimit checks and stores
 * them (lowering a hard limit is final, raising it fails with EPERM), but
 * they are not enforced; the host's memory and time limits are. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

int getrusage(int who, struct rusage *ru) {
  if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD) {
    errno = EINVAL;
    return -1;
  }
  memset(ru, 0, sizeof *ru);
  if (who == RUSAGE_CHILDREN)
    return 0; /* there are none */
  struct timespec ts;
  if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) == 0) {
    ru->ru_utime.tv_sec = ts.tv_sec;
    ru->ru_utime.tv_usec = ts.tv_nsec / 1000;
  }
  void *brk = __sfi_sys_sbrk(0);
  if (brk != (void *)-1)
    ru->ru_maxrss = (long)(((uintptr_t)brk & 0xffffffffu) / 1024);
  return 0;
}

static struct rlimit limits[RLIM_NLIMITS];
static int limits_set;

static void init_limits(void) {
  for (int i = 0; i < RLIM_NLIMITS; i++)
    limits[i] = (struct rlimit){RLIM_INFINITY, RLIM_INFINITY};
  limits[RLIMIT_STACK].rlim_cur = 8u << 20;
  limits[RLIMIT_CORE].rlim_cur = 0;
  limits[RLIMIT_NOFILE] = (struct rlimit){256, 256}; /* the runtime's table */
  limits_set = 1;
}

int getrlimit(int res, struct rlimit *r) {
  if (res < 0 || res >= RLIM_NLIMITS) {
    errno = EINVAL;
    return -1;
  }
  if (!limits_set)
    init_limits();
  *r = limits[res];
  return 0;
}

int setrlimit(int res, const struct rlimit *r) {
  if (res < 0 || res >= RLIM_NLIMITS || r->rlim_cur > r->rlim_max) {
    errno = EINVAL;
    return -1;
  }
  if (!limits_set)
    init_limits();
  if (r->rlim_max > limits[res].rlim_max) {
    errno = EPERM;
    return -1;
  }
  limits[res] = *r;
  return 0;
}

int prlimit(pid_t pid, int res, const struct rlimit *nw, struct rlimit *old) {
  if (pid && pid != getpid()) {
    errno = ESRCH;
    return -1;
  }
  struct rlimit cur;
  if (getrlimit(res, &cur) < 0 || (nw && setrlimit(res, nw) < 0))
    return -1;
  if (old)
    *old = cur;
  return 0;
}

/* Scheduling priority: one process, whose nice value is stored, not
 * applied (the host schedules the sandbox). Like an unprivileged process,
 * it may raise its nice value but not lower it (EACCES). */
static int nice_value;

static int priority_target(int which, id_t who) {
  if (which != PRIO_PROCESS && which != PRIO_PGRP && which != PRIO_USER) {
    errno = EINVAL;
    return -1;
  }
  id_t self = which == PRIO_USER ? (id_t)getuid() : (id_t)getpid();
  if (who != 0 && who != self) {
    errno = ESRCH;
    return -1;
  }
  return 0;
}

int getpriority(int which, id_t who) {
  if (priority_target(which, who))
    return -1;
  return nice_value;
}

int setpriority(int which, id_t who, int prio) {
  if (priority_target(which, who))
    return -1;
  if (prio < -20)
    prio = -20;
  if (prio > 19)
    prio = 19;
  if (prio < nice_value) {
    errno = EACCES;
    return -1;
  }
  nice_value = prio;
  return 0;
}
