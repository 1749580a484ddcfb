/* sys_interface.c: calls the system interface directly, bypassing libc,
 * with host addresses, ranges off the region, read-only targets, huge
 * lengths, bad descriptors, and paths that try to leave the granted
 * directory ("..", absolute paths, symlinks out). The harness grants one
 * directory as /data, holding ok.txt, a symlink out -> .. and a symlink
 * etc -> /etc; a secret.txt lies beside it. Each case returns the call's
 * result; every one must be an error (negative), and nothing may change. */
#include "common.h"
PING
long __sfi_sys_read(int fd, u64 buf, u64 len);
long __sfi_sys_write(int fd, u64 buf, u64 len);
int __sfi_sys_open(u64 path, int flags, int mode);
int __sfi_sys_close(int fd);
int __sfi_sys_fstat(int fd, u64 st);
int __sfi_sys_stat(u64 path, u64 st);
int __sfi_sys_unlink(u64 path);
int __sfi_sys_rename(u64 from, u64 to);
int __sfi_sys_mkdir(u64 path, int mode);
int __sfi_sys_rmdir(u64 path);
long __sfi_sys_getdents(int fd, u64 buf, u64 len);
int __sfi_sys_clock_gettime(int clk, u64 ts);
long __sfi_sys_getrandom(u64 buf, u64 len);
int __sfi_sys_args_sizes(u64 argc, u64 bufsize);
int __sfi_sys_args_get(u64 argv, u64 buf);
int __sfi_sys_fmt_fp(u64 buf, u64 cap, int spec, int width, int prec,
                     const long double *v);
static const long double one_half = 1.5L;
double __sfi_sys_strtod(u64 s, u64 len, u64 end, u64 err);
void *__sfi_sys_sbrk(long incr);

static char buf[4096];
static const char ro[64] = "read-only";
#define S(x) ((u64)(uintptr_t)(x))

static u64 heap_end_unterminated(void) {
  char *old = __sfi_sys_sbrk(4096);
  char *end = (char *)((S(old) + 4096 + 4095) & ~4095ULL);
  for (char *c = old; c < end; c++)
    *c = '/';
  return S(end - 64);
}

long attack(u64 t, long k) {
  u64 b = S(buf), top = (b | 0xffffffffULL) - 7;
  int fd;
  switch (k) {
  case 0: return __sfi_sys_write(1, t, 16);          /* host memory out */
  case 1: return __sfi_sys_write(1, top, 100);       /* off the region */
  case 2: return __sfi_sys_write(1, b, ~0ULL) > 4096 ? 1 : -1; /* huge */
  case 3: return __sfi_sys_write(999, b, 1);         /* bad fds */
  case 4: return __sfi_sys_write(-1, b, 1);
  case 5:                                            /* read into host */
    fd = __sfi_sys_open(S("/data/ok.txt"), 0, 0);
    if (fd < 0)
      return 1000 + fd;                              /* grant broken */
    return __sfi_sys_read(fd, t, 16);
  case 6:                                            /* into read-only */
    fd = __sfi_sys_open(S("/data/ok.txt"), 0, 0);
    return fd < 0 ? 1000 + fd : __sfi_sys_read(fd, S(ro), 16);
  case 7: return __sfi_sys_open(S("/data/../secret.txt"), 0, 0);
  case 8: return __sfi_sys_open(S("../secret.txt"), 0, 0);
  case 9: return __sfi_sys_open(S("/etc/passwd"), 0, 0);
  case 10: return __sfi_sys_open(S("/data/out/secret.txt"), 0, 0);
  case 11: return __sfi_sys_open(S("/data/etc/passwd"), 0, 0);
  case 12: return __sfi_sys_open(t, 0, 0);            /* path on the host */
  case 13: return __sfi_sys_open(heap_end_unterminated(), 0, 0);
  case 14: return __sfi_sys_open(S("/data/out/new.txt"), 0101, 0644);
  case 15: return __sfi_sys_unlink(S("/data/../secret.txt"));
  case 16: return __sfi_sys_unlink(S("/data/out/secret.txt"));
  case 17: return __sfi_sys_rename(S("/data/ok.txt"), S("/data/../moved"));
  case 18: return __sfi_sys_rename(S("/data/out/secret.txt"), S("/data/s"));
  case 19: return __sfi_sys_mkdir(S("/data/../newdir"), 0755);
  case 20: return __sfi_sys_rmdir(S("/data/.."));
  case 21: return __sfi_sys_stat(S("/data/ok.txt"), t);
  case 22: return __sfi_sys_stat(S("/data/out/secret.txt"), b);
  case 23: return __sfi_sys_fstat(1, top);
  case 24: return __sfi_sys_clock_gettime(0, t);
  case 25: return __sfi_sys_getrandom(t, 16);
  case 26: return __sfi_sys_getrandom(top, 64);
  case 27:
    fd = __sfi_sys_open(S("/data"), 0200000, 0);       /* O_DIRECTORY */
    return fd < 0 ? 1000 + fd : __sfi_sys_getdents(fd, t, 4096);
  case 28: return __sfi_sys_args_sizes(t, t + 8);
  case 29: return __sfi_sys_args_get(t, t);
  case 30: return __sfi_sys_fmt_fp(t, 64, 'f', 0, 6, &one_half);
  case 31: return __sfi_sys_fmt_fp(top, 1 << 20, 'f', 0, 6, &one_half);
  case 32: return __sfi_sys_fmt_fp(b, 64, 'n', 0, 6, &one_half);
  case 33: return __sfi_sys_fmt_fp(b, 64, 'f', 1 << 30, 6, &one_half);
  case 34: {
    __sfi_sys_strtod(t, 16, b, b + 8);
    __sfi_sys_strtod(b, 16, t, b + 8);
    __sfi_sys_strtod(b, 16, b, t);
    return -1;
  }
  case 35: return __sfi_sys_read(0, b, 0) == 0 ? -1 : 1;
  case 36: return __sfi_sys_stat(S("/proc/self/mem"), b);
  case 37: return __sfi_sys_open(S("/data/./../secret.txt"), 0, 0);
  case 38: return __sfi_sys_open(S("/data//out/../../secret.txt"), 0, 0);
  case 39: return __sfi_sys_close(-5) < 0 && __sfi_sys_close(4096) < 0 ? -1 : 1;
  case 40: return (long)(S(__sfi_sys_sbrk(-(1L << 40))));
  default: return -1;
  }
}
