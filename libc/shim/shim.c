/* shim.c: runs a natively built libc "module" (the sandbox libc and a
 * program compiled WITHOUT the pass, linked like a module) outside any
 * sandbox. For developing and benchmarking the libc itself, and for tests
 * that compare it with glibc; it isolates nothing.
 *   sfi-libc-shim module-native.so [args...]
 * The system interface is the runtime's (runtime/sys/host.c, the same
 * functions the sandbox calls after its checks) with the identity mapping:
 * guest pointer == host pointer, sandbox descriptor == host descriptor,
 * paths as given (no grants), no time or memory limit (meminfo reports the
 * host's memory). What only a sandbox has (the descriptor table, grants,
 * limits, traps) is not here; what a call means is not repeated here. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "sfi_libm.h"
#include "sfi_sys.h"
#include "host.h"

#define EXPORT __attribute__((visibility("default")))
static long neg(long r) { return r < 0 ? -errno : r; }
#define NEG(r) neg(r)

static int g_argc;
static char **g_argv;

static size_t io_cap(size_t n) { return n > SYS_IO_MAX ? SYS_IO_MAX : n; }

EXPORT long __sfi_sys_read(int fd, void *b, size_t n) {
  return NEG(read(fd, b, io_cap(n)));
}
EXPORT long __sfi_sys_write(int fd, const void *b, size_t n) {
  return sfi__host_write(fd, b, io_cap(n));
}
EXPORT int __sfi_sys_open(const char *p, int f, int m) {
  if ((f = sfi__host_open_flags(f)) < 0)
    return f;
  return NEG(open(p, f, m));
}
EXPORT int __sfi_sys_close(int fd) { return NEG(close(fd)); }
EXPORT long __sfi_sys_lseek(int fd, long o, int w) {
  return sfi__host_lseek(fd, o, w);
}
EXPORT int __sfi_sys_fstat(int fd, void *st) { return NEG(fstat(fd, st)); }
EXPORT int __sfi_sys_stat(const char *p, void *st) { return NEG(stat(p, st)); }
EXPORT int __sfi_sys_lstat(const char *p, void *st) {
  return NEG(lstat(p, st));
}
EXPORT int __sfi_sys_unlink(const char *p) { return NEG(unlink(p)); }
EXPORT int __sfi_sys_rename(const char *a, const char *b) {
  return NEG(rename(a, b));
}
EXPORT int __sfi_sys_mkdir(const char *p, int m) {
  return NEG(mkdir(p, (mode_t)m));
}
EXPORT int __sfi_sys_rmdir(const char *p) { return NEG(rmdir(p)); }
EXPORT long __sfi_sys_getdents(int fd, void *b, size_t n) {
  return NEG(syscall(SYS_getdents64, fd, b, n));
}
EXPORT int __sfi_sys_isatty(int fd) { return isatty(fd); }
EXPORT long __sfi_sys_pread(int fd, void *b, size_t n, long off) {
  return NEG(pread(fd, b, io_cap(n), off));
}
EXPORT long __sfi_sys_pwrite(int fd, const void *b, size_t n, long off) {
  return NEG(pwrite(fd, b, io_cap(n), off));
}
EXPORT int __sfi_sys_fsync(int fd, int d) {
  return NEG(d ? fdatasync(fd) : fsync(fd));
}
EXPORT int __sfi_sys_ftruncate(int fd, long n) { return NEG(ftruncate(fd, n)); }
EXPORT int __sfi_sys_fchmod(int fd, int m) {
  return NEG(fchmod(fd, (mode_t)(m & 0777)));
}
EXPORT int __sfi_sys_chmod(const char *p, int m) {
  return NEG(chmod(p, (mode_t)(m & 0777)));
}
EXPORT int __sfi_sys_utimens(int fd, const char *p, const void *t, int f) {
  return NEG(p ? utimensat(AT_FDCWD, p, t, f) : futimens(fd, t));
}
EXPORT int __sfi_sys_realpath(const char *p, char *out, size_t cap) {
  char buf[PATH_MAX];
  if (!realpath(p, buf))
    return -errno;
  size_t n = strlen(buf);
  if (n + 1 > cap)
    return -ERANGE;
  memcpy(out, buf, n + 1);
  return (int)n;
}
EXPORT int __sfi_sys_pipe(int fds[2], int flags) {
  return NEG(pipe2(fds, flags));
}
EXPORT int __sfi_sys_dup(int fd, int to, int min) {
  return NEG(to >= 0 ? dup2(fd, to) : fcntl(fd, F_DUPFD, min));
}
EXPORT int __sfi_sys_poll(void *fds, size_t n, int ms) {
  return NEG(poll(fds, n, ms));
}
EXPORT int __sfi_sys_meminfo(uint64_t out[2]) {
  long pages = sysconf(_SC_PHYS_PAGES), avail = sysconf(_SC_AVPHYS_PAGES);
  out[0] = (uint64_t)pages * 4096;
  out[1] = (uint64_t)avail * 4096;
  return 0;
}
EXPORT int __sfi_sys_clock_gettime(int c, void *ts) {
  return sfi__host_clock_gettime(c, ts);
}
EXPORT long __sfi_sys_getrandom(void *b, size_t n) {
  return sfi__host_getrandom(b, io_cap(n));
}
EXPORT _Noreturn void __sfi_sys_exit(int s) { _exit(s); }
EXPORT _Noreturn void __sfi_sys_abort(void) {
  fprintf(stderr, "sfi-libc-shim: trap: abort\n");
  _exit(134);
}

/* A bump heap in one reservation, like a region's heap. */
static char *heap, *brk_now;
#define HEAP_MAX (8ull << 30)
EXPORT void *__sfi_sys_sbrk(long incr) {
  if (!heap) {
    heap = mmap(0, HEAP_MAX, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (heap == MAP_FAILED)
      return (void *)-1;
    brk_now = heap;
  }
  if ((incr > 0 && (uint64_t)(brk_now - heap) + (uint64_t)incr > HEAP_MAX) ||
      (incr < 0 && brk_now - heap < -incr))
    return (void *)-1;
  char *old = brk_now;
  brk_now += incr;
  return old;
}

static int sizes(int n, char **v, int *count, size_t *bytes) {
  *count = n;
  *bytes = sfi__host_strv_bytes(v, n);
  return 0;
}
static int get(int n, char **v, char **out, char *buf) {
  sfi__host_strv_copy(v, n, (uint64_t *)out, buf, (uint64_t)buf);
  return 0;
}
EXPORT int __sfi_sys_args_sizes(int *c, size_t *b) {
  return sizes(g_argc, g_argv, c, b);
}
EXPORT int __sfi_sys_args_get(char **v, char *b) {
  return get(g_argc, g_argv, v, b);
}
static int env_count(void) {
  int n = 0;
  while (environ[n])
    n++;
  return n;
}
EXPORT int __sfi_sys_environ_sizes(int *c, size_t *b) {
  return sizes(env_count(), environ, c, b);
}
EXPORT int __sfi_sys_environ_get(char **v, char *b) {
  return get(env_count(), environ, v, b);
}

EXPORT int __sfi_sys_fmt_fp(char *buf, size_t cap, int spec, int width,
                            int prec, const long double *vp) {
  return sfi__host_fmt_fp(buf, cap, spec, width, prec, vp);
}

EXPORT double __sfi_sys_strtod(const char *s, size_t n, size_t *end, int *e) {
  return sfi__host_strtod(s, n, end, e);
}
EXPORT float __sfi_sys_strtof(const char *s, size_t n, size_t *end, int *e) {
  return sfi__host_strtof(s, n, end, e);
}
EXPORT long double __sfi_sys_strtold(const char *s, size_t n, size_t *end,
                                     int *e) {
  return sfi__host_strtold(s, n, end, e);
}

/* __sfi_libm_<name> -> <name>, from the libc's own list. */
#define D1(n)                                                                  \
  EXPORT double __sfi_libm_##n(double x) { return n(x); }                      \
  EXPORT float __sfi_libm_##n##f(float x) { return n##f(x); }                  \
  EXPORT long double __sfi_libm_##n##l(long double x) { return n##l(x); }
#define D2(n)                                                                  \
  EXPORT double __sfi_libm_##n(double x, double y) { return n(x, y); }         \
  EXPORT float __sfi_libm_##n##f(float x, float y) { return n##f(x, y); }      \
  EXPORT long double __sfi_libm_##n##l(long double x, long double y) {         \
    return n##l(x, y);                                                         \
  }
#define D3(n)                                                                  \
  EXPORT double __sfi_libm_##n(double x, double y, double z) {                 \
    return n(x, y, z);                                                         \
  }                                                                            \
  EXPORT float __sfi_libm_##n##f(float x, float y, float z) {                  \
    return n##f(x, y, z);                                                      \
  }                                                                            \
  EXPORT long double __sfi_libm_##n##l(long double x, long double y,           \
                                       long double z) {                        \
    return n##l(x, y, z);                                                      \
  }
#define DA(n, A)                                                               \
  EXPORT double __sfi_libm_##n(double x, A i) { return n(x, i); }              \
  EXPORT float __sfi_libm_##n##f(float x, A i) { return n##f(x, i); }          \
  EXPORT long double __sfi_libm_##n##l(long double x, A i) {                   \
    return n##l(x, i);                                                         \
  }
#define DI(n) DA(n, int)
#define DL(n) DA(n, long)
#define DLD(n) DA(n, long double)
#define DIF(n)                                                                 \
  EXPORT double __sfi_libm_##n(int i, double x) { return n(i, x); }            \
  EXPORT float __sfi_libm_##n##f(int i, float x) { return n##f(i, x); }        \
  EXPORT long double __sfi_libm_##n##l(int i, long double x) {                 \
    return n##l(i, x);                                                         \
  }
#define DR(n, R)                                                               \
  EXPORT R __sfi_libm_##n(double x) { return n(x); }                           \
  EXPORT R __sfi_libm_##n##f(float x) { return n##f(x); }                      \
  EXPORT R __sfi_libm_##n##l(long double x) { return n##l(x); }
#define DRI(n) DR(n, int)
#define DRL(n) DR(n, long)
#define DRLL(n) DR(n, long long)
SFI_LIBM_F1(D1)
SFI_LIBM_F1_EXTRA(D1)
SFI_LIBM_F1_SIGNGAM(D1)
SFI_LIBM_F2(D2)
SFI_LIBM_F3(D3)
SFI_LIBM_FI(DI)
SFI_LIBM_FL(DL)
SFI_LIBM_FLD(DLD)
SFI_LIBM_IF_EXTRA(DIF)
SFI_LIBM_RI(DRI)
SFI_LIBM_RL(DRL)
SFI_LIBM_RLL(DRLL)

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s module-native.so [args...]\n", argv[0]);
    return 2;
  }
  void *m = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!m) {
    fprintf(stderr, "sfi-libc-shim: %s\n", dlerror());
    return 2;
  }
  int (*start)(void) = (int (*)(void))dlsym(m, "__sfi_start");
  if (!start) {
    fprintf(stderr, "sfi-libc-shim: %s has no __sfi_start\n", argv[1]);
    return 2;
  }
  g_argc = argc - 1;
  g_argv = argv + 1;
  return start();
}
