/* fd.c: the per-instance descriptor table (sandbox fd -> host fd) and its
 * setup from the instance options, with the directory grants. */
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sys.h"

int sfi__sys_hostfd(sfi_instance *in, int fd) {
  if (fd < 0 || fd >= SFI_FD_MAX)
    return -1;
  return in->fds[fd].host;
}

int sfi__sys_ownedfd(sfi_instance *in, int fd) {
  if (fd < 0 || fd >= SFI_FD_MAX || !in->fds[fd].owned ||
      !in->fds[fd].beneath)
    return -1;
  return in->fds[fd].host;
}

int sfi__sys_changefd(sfi_instance *in, int fd) {
  if (sfi__sys_hostfd(in, fd) < 0)
    return -EBADF;
  int h = sfi__sys_ownedfd(in, fd);
  return h < 0 ? -EPERM : h;
}

int sfi__sys_iobuf(sfi_instance *in, int fd, uint64_t buf, uint64_t *len,
                   uint64_t max, int writable, void **p) {
  if (*len > max)
    *len = max;
  *p = sfi_ptr(in, buf, *len, writable);
  if (!*p)
    return -EFAULT;
  int h = sfi__sys_hostfd(in, fd);
  return h < 0 ? -EBADF : h;
}

int sfi__sys_newfd_at(sfi_instance *in, int host, int min, int beneath) {
  if (host >= 0 && host < 3) {
    /* A host that closed its stdio gets 0-2 back from the kernel: never
     * hand those to the sandbox, or the host's own printf would write into
     * the sandbox's pipe or file (review). Keep them free, as for grants. */
    int hi = fcntl(host, F_DUPFD_CLOEXEC, 3);
    close(host);
    if (hi < 0)
      return -errno;
    host = hi;
  }
  for (int i = min < 3 ? 3 : min; i < SFI_FD_MAX; i++)
    if (in->fds[i].host < 0) {
      in->fds[i] = (struct sfi_fd){host, 1, beneath != 0};
      return i;
    }
  close(host);
  return -EMFILE;
}

int sfi__sys_newfd(sfi_instance *in, int host) {
  return sfi__sys_newfd_at(in, host, 3, 0);
}

long long sfi__sys_ms_until(const struct timespec *t, int up) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (long long)(t->tv_sec - now.tv_sec) * 1000 +
         (t->tv_nsec - now.tv_nsec + (up ? 999999 : 0)) / 1000000;
}

/* A pipe, FIFO or socket (a character device may block where these
 * answer at once: /dev/kmsg, a terminal's lock; review). */
static int is_stream(int h) {
  struct stat st;
  return fstat(h, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
}

void sfi__sys_wait(int h, short events, int at_once_on_stream) {
  struct sfi_thread *t = sfi__thread();
  if (!t->timer_armed)
    return;
  /* a descriptor not open for this direction never becomes ready: the
   * I/O call itself reports EBADF (review: it timed out instead) */
  int fl = fcntl(h, F_GETFL);
  if (fl >= 0 && (((events & POLLOUT) && (fl & O_ACCMODE) == O_RDONLY) ||
                  ((events & POLLIN) && (fl & O_ACCMODE) == O_WRONLY)))
    return;
  /* a non-blocking descriptor never blocks: the call answers at once
   * (EAGAIN), as natively (review: a drain-until-EAGAIN loop timed out) */
  if (fl >= 0 && (fl & O_NONBLOCK))
    return;
  if (at_once_on_stream && is_stream(h))
    return;
  for (;;) {
    long long ms = sfi__sys_ms_until(&t->deadline, 0);
    if (ms <= 0)
      sfi__trap_now(SFI_TRAP_TIMEOUT, "time limit exceeded while the sandbox "
                                      "waited for I/O");
    struct pollfd p = {.fd = h, .events = events};
    int r = poll(&p, 1, ms > 1000 ? 1000 : (int)ms + 1);
    if (r > 0 || (r < 0 && errno != EINTR))
      return; /* ready, or an error the I/O call itself will report */
  }
}

static void close_owned(sfi_instance *in) {
  for (int i = 0; i < SFI_FD_MAX; i++) {
    if (in->fds[i].host >= 0 && in->fds[i].owned)
      close(in->fds[i].host);
    in->fds[i] = (struct sfi_fd){-1, 0, 0};
  }
}

static void stdio_init(sfi_instance *in) {
  for (int i = 0; i < 3; i++)
    in->fds[i] = (struct sfi_fd){in->stdio[i], 0, 0};
}

static char **copy_strv(const char *const *v, int *n) {
  int c = 0;
  while (v && v[c])
    c++;
  char **r = calloc((size_t)c + 1, sizeof *r);
  if (!r)
    return NULL;
  for (int i = 0; i < c; i++)
    if (!(r[i] = strdup(v[i]))) {
      for (int k = 0; k < i; k++)
        free(r[k]);
      free(r);
      return NULL;
    }
  *n = c;
  return r;
}

static void free_strv(char **v) {
  for (int i = 0; v && v[i]; i++)
    free(v[i]);
  free(v);
}

int sfi__sys_instance_init(sfi_instance *in, const sfi_instance_options *o) {
  for (int i = 0; i < SFI_FD_MAX; i++)
    in->fds[i].host = -1;
  int all0 = !o->stdio_fds[0] && !o->stdio_fds[1] && !o->stdio_fds[2];
  /* A closed host descriptor stays closed for the sandbox: the runtime or
   * the host could later reuse its number for something private. */
  for (int i = 0; i < 3; i++) {
    in->stdio[i] = all0 ? i : o->stdio_fds[i];
    if (in->stdio[i] >= 0 && fcntl(in->stdio[i], F_GETFD) < 0)
      in->stdio[i] = -1;
  }
  stdio_init(in);
  if (!(in->argv = copy_strv(o->argv, &in->argc)) ||
      !(in->envp = copy_strv(o->envp, &in->envc)))
    return sfi__err(SFI_ERR_NOMEM, "out of memory");
  if (o->ndirs) {
    in->grants = calloc((size_t)o->ndirs, sizeof *in->grants);
    if (!in->grants)
      return sfi__err(SFI_ERR_NOMEM, "out of memory");
  }
  for (int i = 0; i < o->ndirs; i++) {
    const char *h = o->dirs_host[i], *g = o->dirs_guest[i];
    if (!h || !g || !*g)
      return sfi__err(SFI_ERR_INVALID,
                      "directory grant %d: NULL or empty "
                      "path",
                      i);
    int fd = open(h, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0 && fd < 3) { /* keep 0, 1, 2 free, as for the memfd */
      int hi = fcntl(fd, F_DUPFD_CLOEXEC, 3);
      close(fd);
      fd = hi;
    }
    if (fd < 0)
      return sfi__err(SFI_ERR_INVALID, "directory grant %d: %s: %s", i, h,
                      strerror(errno));
    char *gg = strdup(g);
    if (!gg) {
      close(fd);
      return sfi__err(SFI_ERR_NOMEM, "out of memory");
    }
    size_t n = strlen(gg);
    while (n > 1 && gg[n - 1] == '/')
      gg[--n] = 0;
    in->grants[in->ngrants++] = (struct sfi_grant){gg, fd};
  }
  return SFI_OK;
}

void sfi__sys_instance_reset(sfi_instance *in) {
  close_owned(in);
  stdio_init(in);
}

void sfi__sys_instance_fini(sfi_instance *in) {
  close_owned(in); /* only owned fds: safe even if init never ran */
  for (int i = 0; i < in->ngrants; i++) {
    close(in->grants[i].dirfd);
    free(in->grants[i].guest);
  }
  free(in->grants);
  free_strv(in->argv);
  free_strv(in->envp);
}
