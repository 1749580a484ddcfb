/* pthread.c: POSIX threads for a sandbox that runs one thread. Mutexes,
 * read-write locks, spin locks, once and thread-specific data have their
 * real meaning for that one thread; a wait that only another thread could
 * end fails with EDEADLK instead of hanging (locking a held non-recursive
 * mutex, pthread_cond_wait, taking a rwlock against its own holder, a
 * barrier of more than one), pthread_cond_timedwait waits out its timeout
 * and returns ETIMEDOUT. pthread_create fails with EAGAIN; joining or
 * detaching a thread that cannot exist fails with ESRCH (EDEADLK for
 * oneself). See libc/README.md. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

struct __pthread {
  int id;
};
static struct __pthread self_thread = {1};

pthread_t pthread_self(void) { return &self_thread; }
#undef pthread_equal
int pthread_equal(pthread_t a, pthread_t b) { return a == b; }

int pthread_create(pthread_t *restrict t, const pthread_attr_t *restrict a,
                   void *(*fn)(void *), void *restrict arg) {
  (void)t, (void)a, (void)fn, (void)arg;
  return EAGAIN; /* one thread per sandbox instance */
}
int pthread_join(pthread_t t, void **ret) {
  (void)ret;
  return t == &self_thread ? EDEADLK : ESRCH;
}
int pthread_detach(pthread_t t) { return t == &self_thread ? 0 : ESRCH; }
int pthread_cancel(pthread_t t) { return t == &self_thread ? 0 : ESRCH; }
int pthread_kill(pthread_t t, int sig) {
  if (t != &self_thread)
    return ESRCH;
  return sig ? (raise(sig) ? errno : 0) : 0;
}
int pthread_setcancelstate(int s, int *old) {
  if (old)
    *old = PTHREAD_CANCEL_ENABLE;
  return s == PTHREAD_CANCEL_ENABLE || s == PTHREAD_CANCEL_DISABLE ? 0
                                                                    : EINVAL;
}
int pthread_setcanceltype(int t, int *old) {
  if (old)
    *old = PTHREAD_CANCEL_DEFERRED;
  return t == PTHREAD_CANCEL_DEFERRED || t == PTHREAD_CANCEL_ASYNCHRONOUS
             ? 0
             : EINVAL;
}
void pthread_testcancel(void) {}
int pthread_sigmask(int how, const sigset_t *restrict s,
                    sigset_t *restrict old) {
  return sigprocmask(how, s, old) ? errno : 0;
}
int sched_yield(void) { return 0; }
int pthread_setname_np(pthread_t t, const char *name) {
  (void)name;
  return t == &self_thread ? 0 : ESRCH;
}
int pthread_getconcurrency(void) { return 0; }
int pthread_setconcurrency(int n) { return n < 0 ? EINVAL : 0; }

/* ---- Attributes: stored, meaningless with one thread. */
#define ATTR_DETACH __u.__i[0]
#define ATTR_STACK __u.__s[1]
#define ATTR_GUARD __u.__s[2]
int pthread_attr_init(pthread_attr_t *a) {
  memset(a, 0, sizeof *a);
  a->ATTR_STACK = 8u << 20;
  a->ATTR_GUARD = 4096;
  return 0;
}
int pthread_attr_destroy(pthread_attr_t *a) {
  (void)a;
  return 0;
}
int pthread_attr_setdetachstate(pthread_attr_t *a, int s) {
  if (s != PTHREAD_CREATE_JOINABLE && s != PTHREAD_CREATE_DETACHED)
    return EINVAL;
  a->ATTR_DETACH = s;
  return 0;
}
int pthread_attr_getdetachstate(const pthread_attr_t *a, int *s) {
  *s = a->ATTR_DETACH;
  return 0;
}
int pthread_attr_setstacksize(pthread_attr_t *a, size_t n) {
  if (n < PTHREAD_STACK_MIN)
    return EINVAL;
  a->ATTR_STACK = n;
  return 0;
}
int pthread_attr_getstacksize(const pthread_attr_t *restrict a,
                              size_t *restrict n) {
  *n = a->ATTR_STACK;
  return 0;
}
int pthread_attr_setguardsize(pthread_attr_t *a, size_t n) {
  a->ATTR_GUARD = n;
  return 0;
}
int pthread_attr_getguardsize(const pthread_attr_t *restrict a,
                              size_t *restrict n) {
  *n = a->ATTR_GUARD;
  return 0;
}
int pthread_attr_setscope(pthread_attr_t *a, int s) {
  (void)a;
  return s == PTHREAD_SCOPE_SYSTEM ? 0 : ENOTSUP;
}

/* ---- Mutexes: [0] type, [1] lock count. */
#define M_TYPE __u.__i[0]
#define M_COUNT __u.__i[1]
int pthread_mutexattr_init(pthread_mutexattr_t *a) {
  a->__attr = 0;
  return 0;
}
int pthread_mutexattr_destroy(pthread_mutexattr_t *a) {
  (void)a;
  return 0;
}
int pthread_mutexattr_settype(pthread_mutexattr_t *a, int t) {
  if (t != PTHREAD_MUTEX_NORMAL && t != PTHREAD_MUTEX_RECURSIVE &&
      t != PTHREAD_MUTEX_ERRORCHECK)
    return EINVAL;
  a->__attr = (unsigned)t;
  return 0;
}
int pthread_mutexattr_gettype(const pthread_mutexattr_t *restrict a,
                              int *restrict t) {
  *t = (int)(a->__attr & 3);
  return 0;
}
int pthread_mutexattr_setpshared(pthread_mutexattr_t *a, int s) {
  (void)a;
  return s == PTHREAD_PROCESS_PRIVATE || s == PTHREAD_PROCESS_SHARED ? 0
                                                                      : EINVAL;
}
int pthread_mutexattr_setrobust(pthread_mutexattr_t *a, int r) {
  (void)a;
  return r == PTHREAD_MUTEX_STALLED || r == PTHREAD_MUTEX_ROBUST ? 0 : EINVAL;
}
int pthread_mutexattr_setprotocol(pthread_mutexattr_t *a, int p) {
  (void)a;
  return p == PTHREAD_PRIO_NONE ? 0 : ENOTSUP;
}
int pthread_mutex_init(pthread_mutex_t *restrict m,
                       const pthread_mutexattr_t *restrict a) {
  memset(m, 0, sizeof *m);
  m->M_TYPE = a ? (int)(a->__attr & 3) : PTHREAD_MUTEX_NORMAL;
  return 0;
}
int pthread_mutex_destroy(pthread_mutex_t *m) {
  return m->M_COUNT ? EBUSY : 0;
}
int pthread_mutex_trylock(pthread_mutex_t *m) {
  if (m->M_COUNT && m->M_TYPE != PTHREAD_MUTEX_RECURSIVE)
    return EBUSY;
  if (m->M_COUNT == 0x7fffffff)
    return EAGAIN;
  m->M_COUNT++;
  return 0;
}
int pthread_mutex_lock(pthread_mutex_t *m) {
  int r = pthread_mutex_trylock(m);
  /* Held by the only thread: waiting would never end. */
  return r == EBUSY ? EDEADLK : r;
}
int pthread_mutex_timedlock(pthread_mutex_t *restrict m,
                            const struct timespec *restrict at) {
  (void)at;
  int r = pthread_mutex_trylock(m);
  return r == EBUSY ? ETIMEDOUT : r;
}
int pthread_mutex_unlock(pthread_mutex_t *m) {
  if (!m->M_COUNT)
    return m->M_TYPE == PTHREAD_MUTEX_NORMAL ? 0 : EPERM;
  m->M_COUNT--;
  return 0;
}
int pthread_mutex_consistent(pthread_mutex_t *m) {
  (void)m;
  return EINVAL;
}

/* ---- Condition variables: [0] clock. */
int pthread_condattr_init(pthread_condattr_t *a) {
  a->__attr = CLOCK_REALTIME;
  return 0;
}
int pthread_condattr_destroy(pthread_condattr_t *a) {
  (void)a;
  return 0;
}
int pthread_condattr_setclock(pthread_condattr_t *a, clockid_t c) {
  if (c != CLOCK_REALTIME && c != CLOCK_MONOTONIC)
    return EINVAL;
  a->__attr = (unsigned)c;
  return 0;
}
int pthread_condattr_getclock(const pthread_condattr_t *restrict a,
                              clockid_t *restrict c) {
  *c = (clockid_t)a->__attr;
  return 0;
}
int pthread_condattr_setpshared(pthread_condattr_t *a, int s) {
  (void)a;
  return s == PTHREAD_PROCESS_PRIVATE || s == PTHREAD_PROCESS_SHARED ? 0
                                                                      : EINVAL;
}
int pthread_cond_init(pthread_cond_t *restrict c,
                      const pthread_condattr_t *restrict a) {
  memset(c, 0, sizeof *c);
  c->__u.__i[0] = a ? (int)a->__attr : CLOCK_REALTIME;
  return 0;
}
int pthread_cond_destroy(pthread_cond_t *c) {
  (void)c;
  return 0;
}
int pthread_cond_signal(pthread_cond_t *c) {
  (void)c;
  return 0;
}
int pthread_cond_broadcast(pthread_cond_t *c) {
  (void)c;
  return 0;
}
/* No other thread can signal: an untimed wait would never end. */
int pthread_cond_wait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m) {
  (void)c;
  if (!m->M_COUNT && m->M_TYPE != PTHREAD_MUTEX_NORMAL)
    return EPERM;
  return EDEADLK;
}
int pthread_cond_timedwait(pthread_cond_t *restrict c,
                           pthread_mutex_t *restrict m,
                           const struct timespec *restrict at) {
  if (!m->M_COUNT && m->M_TYPE != PTHREAD_MUTEX_NORMAL)
    return EPERM;
  if (at->tv_nsec < 0 || at->tv_nsec >= 1000000000L)
    return EINVAL;
  clockid_t clk = c->__u.__i[0] == CLOCK_MONOTONIC ? CLOCK_MONOTONIC
                                                    : CLOCK_REALTIME;
  for (;;) { /* the mutex stays held: nobody else could take it */
    struct timespec now;
    clock_gettime(clk, &now);
    if (now.tv_sec > at->tv_sec ||
        (now.tv_sec == at->tv_sec && now.tv_nsec >= at->tv_nsec))
      return ETIMEDOUT;
    struct timespec d = {at->tv_sec - now.tv_sec, at->tv_nsec - now.tv_nsec};
    if (d.tv_nsec < 0)
      d.tv_sec--, d.tv_nsec += 1000000000L;
    nanosleep(&d, 0);
  }
}

/* ---- Read-write locks: [0] readers, [1] writer. */
#define RW_READERS __u.__i[0]
#define RW_WRITER __u.__i[1]
int pthread_rwlockattr_init(pthread_rwlockattr_t *a) {
  memset(a, 0, sizeof *a);
  return 0;
}
int pthread_rwlockattr_destroy(pthread_rwlockattr_t *a) {
  (void)a;
  return 0;
}
int pthread_rwlock_init(pthread_rwlock_t *restrict l,
                        const pthread_rwlockattr_t *restrict a) {
  (void)a;
  memset(l, 0, sizeof *l);
  return 0;
}
int pthread_rwlock_destroy(pthread_rwlock_t *l) {
  return l->RW_READERS || l->RW_WRITER ? EBUSY : 0;
}
int pthread_rwlock_tryrdlock(pthread_rwlock_t *l) {
  if (l->RW_WRITER)
    return EBUSY;
  if (l->RW_READERS == 0x7fffffff)
    return EAGAIN;
  l->RW_READERS++;
  return 0;
}
int pthread_rwlock_trywrlock(pthread_rwlock_t *l) {
  if (l->RW_WRITER || l->RW_READERS)
    return EBUSY;
  l->RW_WRITER = 1;
  return 0;
}
int pthread_rwlock_rdlock(pthread_rwlock_t *l) {
  int r = pthread_rwlock_tryrdlock(l);
  return r == EBUSY ? EDEADLK : r;
}
int pthread_rwlock_wrlock(pthread_rwlock_t *l) {
  int r = pthread_rwlock_trywrlock(l);
  return r == EBUSY ? EDEADLK : r;
}
int pthread_rwlock_timedrdlock(pthread_rwlock_t *restrict l,
                               const struct timespec *restrict at) {
  (void)at;
  int r = pthread_rwlock_tryrdlock(l);
  return r == EBUSY ? ETIMEDOUT : r;
}
int pthread_rwlock_timedwrlock(pthread_rwlock_t *restrict l,
                               const struct timespec *restrict at) {
  (void)at;
  int r = pthread_rwlock_trywrlock(l);
  return r == EBUSY ? ETIMEDOUT : r;
}
int pthread_rwlock_unlock(pthread_rwlock_t *l) {
  if (l->RW_WRITER)
    l->RW_WRITER = 0;
  else if (l->RW_READERS)
    l->RW_READERS--;
  else
    return EPERM;
  return 0;
}

/* ---- Spin locks and barriers. */
int pthread_spin_init(pthread_spinlock_t *s, int pshared) {
  (void)pshared;
  *s = 0;
  return 0;
}
int pthread_spin_destroy(pthread_spinlock_t *s) { return *s ? EBUSY : 0; }
int pthread_spin_trylock(pthread_spinlock_t *s) {
  if (*s)
    return EBUSY;
  *s = 1;
  return 0;
}
int pthread_spin_lock(pthread_spinlock_t *s) {
  return pthread_spin_trylock(s) ? EDEADLK : 0;
}
int pthread_spin_unlock(pthread_spinlock_t *s) {
  *s = 0;
  return 0;
}
int pthread_barrier_init(pthread_barrier_t *restrict b,
                         const pthread_barrierattr_t *restrict a,
                         unsigned n) {
  (void)a;
  if (!n)
    return EINVAL;
  memset(b, 0, sizeof *b);
  b->__u.__i[0] = (int)n;
  return 0;
}
int pthread_barrier_destroy(pthread_barrier_t *b) {
  (void)b;
  return 0;
}
int pthread_barrier_wait(pthread_barrier_t *b) {
  return b->__u.__i[0] == 1 ? PTHREAD_BARRIER_SERIAL_THREAD : EDEADLK;
}

/* ---- Once and thread-specific data. */
int pthread_once(pthread_once_t *o, void (*fn)(void)) {
  if (*o == 0) {
    *o = 1; /* set first: a recursive call returns at once */
    fn();
    *o = 2;
  }
  return 0;
}

static struct {
  int used;
  void *value;
  void (*dtor)(void *);
} keys[PTHREAD_KEYS_MAX];

int pthread_key_create(pthread_key_t *k, void (*dtor)(void *)) {
  for (unsigned i = 0; i < PTHREAD_KEYS_MAX; i++)
    if (!keys[i].used) {
      keys[i].used = 1;
      keys[i].value = 0;
      keys[i].dtor = dtor;
      *k = i;
      return 0;
    }
  return EAGAIN;
}
int pthread_key_delete(pthread_key_t k) {
  if (k >= PTHREAD_KEYS_MAX || !keys[k].used)
    return EINVAL;
  keys[k].used = 0;
  keys[k].value = 0;
  return 0;
}
void *pthread_getspecific(pthread_key_t k) {
  return k < PTHREAD_KEYS_MAX && keys[k].used ? keys[k].value : 0;
}
int pthread_setspecific(pthread_key_t k, const void *v) {
  if (k >= PTHREAD_KEYS_MAX || !keys[k].used)
    return EINVAL;
  keys[k].value = (void *)v;
  return 0;
}

/* The only thread exits: its keys' destructors run (as POSIX says for
 * pthread_exit), then the program ends with status 0. */
_Noreturn void pthread_exit(void *ret) {
  (void)ret;
  for (int round = 0; round < PTHREAD_DESTRUCTOR_ITERATIONS; round++) {
    int again = 0;
    for (unsigned i = 0; i < PTHREAD_KEYS_MAX; i++)
      if (keys[i].used && keys[i].value && keys[i].dtor) {
        void *v = keys[i].value;
        keys[i].value = 0;
        keys[i].dtor(v);
        again = 1;
      }
    if (!again)
      break;
  }
  exit(0);
}
