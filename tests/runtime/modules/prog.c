/* prog.c: a program module for the sfi-run tests, written against the
 * system interface directly (no libc): argv[1] picks the behaviour. */
#include <stddef.h>
#include <stdint.h>

#include "sfi_sys.h"

static char args[8192], envs[8192], io[4096];
static char *argv[64], *envp[64];

static size_t len(const char *s) {
  size_t n = 0;
  while (s[n])
    n++;
  return n;
}
static int eq(const char *a, const char *b) {
  while (*a && *a == *b)
    a++, b++;
  return *a == *b;
}
static void out(const char *s) { __sfi_sys_write(1, s, len(s)); }
static int num(const char *s) {
  int v = 0;
  while (*s >= '0' && *s <= '9')
    v = v * 10 + (*s++ - '0');
  return v;
}
static void put_num(long v) {
  static char b[24];
  int i = 23;
  b[i] = 0;
  do
    b[--i] = (char)('0' + v % 10);
  while (v /= 10);
  out(b + i);
}

static volatile int *volatile wild = (volatile int *)16;
__attribute__((noinline)) static int deep_fault(void) { return *wild * 3; }
__attribute__((noinline)) static int level2(void) { return deep_fault() * 5; }
__attribute__((noinline)) static int level1(void) { return level2() * 7; }

int __sfi_start(void) {
  static int argc, envc;
  static size_t asz, esz;
  if (__sfi_sys_args_sizes(&argc, &asz) || argc > 63 || asz > sizeof args ||
      __sfi_sys_args_get(argv, args))
    __sfi_sys_exit(90);
  if (__sfi_sys_environ_sizes(&envc, &esz) || envc > 63 || esz > sizeof envs ||
      __sfi_sys_environ_get(envp, envs))
    __sfi_sys_exit(91);
  const char *cmd = argc > 1 ? argv[1] : "";
  if (eq(cmd, "exit"))
    __sfi_sys_exit(num(argv[2]));
  if (eq(cmd, "args")) {
    for (int i = 0; i < argc; i++) {
      out(argv[i]);
      out("\n");
    }
    return 0;
  }
  if (eq(cmd, "env")) {
    for (int i = 0; i < envc; i++) {
      out(envp[i]);
      out("\n");
    }
    return 0;
  }
  if (eq(cmd, "cat")) {
    long n;
    while ((n = __sfi_sys_read(0, io, sizeof io)) > 0)
      __sfi_sys_write(1, io, (size_t)n);
    return 0;
  }
  if (eq(cmd, "cat-file")) {
    int fd = __sfi_sys_open(argv[2], 0, 0);
    if (fd < 0) {
      out("open failed: ");
      put_num(-fd);
      out("\n");
      return 1;
    }
    long n;
    while ((n = __sfi_sys_read(fd, io, sizeof io)) > 0)
      __sfi_sys_write(1, io, (size_t)n);
    return 0;
  }
  if (eq(cmd, "oob"))
    return level1();
  if (eq(cmd, "spin"))
    for (volatile int i = 0;; i++)
      ;
  if (eq(cmd, "mem")) { /* grow the heap 1 MiB at a time until refused */
    long mb = 0;
    while (__sfi_sys_sbrk(1 << 20) != (void *)-1 && mb < 100000)
      mb++;
    put_num(mb);
    out("\n");
    return 0;
  }
  if (eq(cmd, "abort"))
    __sfi_sys_abort();
  return 3;
}
