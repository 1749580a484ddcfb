/* tmod.c: the runtime tests' library module: one exported function per
 * behaviour the host tests drive (calls, traps, imports, callbacks, the
 * system interface). Built with the pass when it is available. */
#include <stddef.h>
#include <stdint.h>

#include "sfi_sys.h"

int __sfi_sys_setjmp(uint64_t *slot) __attribute__((returns_twice));

char buf[1 << 16]; /* scratch the host fills and reads */
char *getbuf(void) { return buf; }

int add(int a, int b) { return a + b; }
float addf(float a, float b) { return a + b; }
double muld(double a, double b) { return a * b; }
long sum16(long a, long b, long c, long d, long e, long f, long g, long h,
           long i, long j, long k, long l, long m, long n, long o, long p) {
  return a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 +
         j * 10 + k * 11 + l * 12 + m * 13 + n * 14 + o * 15 + p * 16;
}
double mix(int a, double b, long c, float d, int e, double f, int g, double h,
           int i, double j, int k, double l, double m, double n, double o,
           double p, int q, double r) {
  return a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 +
         j * 10 + k * 11 + l * 12 + m * 13 + n * 14 + o * 15 + p * 16 + q * 17 +
         r * 18;
}
void nothing(void) {}

/* More than a page of relocated read-only data (RELRO), so that
 * test_loader can end RELRO inside a segment, at a page boundary. */
static const char *const relro_names[640] = {[0] = "first", [639] = "last"};
const char *relro_name(int i) { return relro_names[i < 0 || i >= 640 ? 0 : i]; }

int deref(const int *p) { return *p; }
void poke(long *p, long v) { *p = v; }
int divi(int a, int b) { return a / b; }

int recurse(int n) {
  volatile char pad[512];
  pad[n & 7] = (char)n;
  return recurse(n + 1) + pad[3];
}

/* An escaping array lives on the shadow stack (with the pass): deep
 * recursion runs into the gap below it. */
char *volatile escape;
int shadow_deep(int n) {
  char big[16384];
  big[n & 1023] = (char)n;
  escape = big;
  return shadow_deep(n + 1) + big[5];
}

void spin(void) {
  volatile unsigned long x = 0;
  for (;;)
    x++;
}
void brk(void) { __builtin_debugtrap(); }
void ill(void) { __builtin_trap(); }

long host_twice(long);
long call_host(long x) { return host_twice(x) + 1; }
long host_reenter(long);
long reenter(long depth) { return host_reenter(depth) + 1; }
long host_block(long);
long call_block(long ms) { return host_block(ms); }

long call_fp(long (*f)(long), long x) { return f(x); }
static long sq(long x) { return x * x; }
void *get_sq(void) { return (void *)sq; }

int counter = 5;
int bump(void) { return ++counter; }
static long ctor_ran;
/* Calls an import, so the compiler cannot fold it into an initialiser. */
__attribute__((constructor)) static void init(void) {
  ctor_ran += host_twice(21);
}
int get_ctor(void) { return (int)ctor_ran; }

void do_abort(void) { __sfi_sys_abort(); }
void do_exit(int s) { __sfi_sys_exit(s); }
long do_sbrk(long n) { return (long)__sfi_sys_sbrk(n); }
long s_read(int fd, void *p, long n) { return __sfi_sys_read(fd, p, n); }
long s_write(int fd, const void *p, long n) {
  return __sfi_sys_write(fd, p, n);
}
int s_open(const char *p, int fl, int mode) {
  return __sfi_sys_open(p, fl, mode);
}
int s_close(int fd) { return __sfi_sys_close(fd); }
long s_lseek(int fd, long o, int w) { return __sfi_sys_lseek(fd, o, w); }
int s_fstat(int fd, void *st) { return __sfi_sys_fstat(fd, st); }
int s_stat(const char *p, void *st) { return __sfi_sys_stat(p, st); }
int s_unlink(const char *p) { return __sfi_sys_unlink(p); }
int s_rename(const char *a, const char *b) { return __sfi_sys_rename(a, b); }
int s_mkdir(const char *p, int m) { return __sfi_sys_mkdir(p, m); }
int s_rmdir(const char *p) { return __sfi_sys_rmdir(p); }
long s_getdents(int fd, void *p, long n) {
  return __sfi_sys_getdents(fd, p, n);
}
int s_isatty(int fd) { return __sfi_sys_isatty(fd); }
int s_clock(int c, void *ts) { return __sfi_sys_clock_gettime(c, ts); }
long s_random(void *p, long n) { return __sfi_sys_getrandom(p, n); }
int s_pipe(int *fds, int flags) { return __sfi_sys_pipe(fds, flags); }
int s_dup(int fd, int to, int min) { return __sfi_sys_dup(fd, to, min); }
int s_poll(void *fds, long n, int ms) { return __sfi_sys_poll(fds, n, ms); }
int s_meminfo(uint64_t *out) { return __sfi_sys_meminfo(out); }
int s_args_sizes(int *c, size_t *b) { return __sfi_sys_args_sizes(c, b); }
int s_args_get(char **v, char *b) { return __sfi_sys_args_get(v, b); }
int s_env_sizes(int *c, size_t *b) { return __sfi_sys_environ_sizes(c, b); }
int s_env_get(char **v, char *b) { return __sfi_sys_environ_get(v, b); }
int s_fmt(char *b, long cap, int conv, int fl, int w, int p, double v) {
  long double lv = v;
  return __sfi_sys_fmt_fp(b, cap, SFI_FMT_SPEC(conv, fl), w, p, &lv);
}
double s_strtod(const char *s, long n, size_t *end, int *err) {
  return __sfi_sys_strtod(s, n, end, err);
}
float s_strtof(const char *s, long n, size_t *end, int *err) {
  return __sfi_sys_strtof(s, n, end, err);
}
double __sfi_libm_pow(double a, double b);
double s_pow(double a, double b) { return __sfi_libm_pow(a, b); }

/* setjmp/longjmp through the runtime. */
static uint64_t jb[4];
static int counter2;
__attribute__((noinline)) static void jump(int v) {
  if (v)
    __sfi_sys_longjmp(jb, v);
}
int sj(int v) {
  counter2 = 0;
  int r = __sfi_sys_setjmp(jb);
  counter2++;
  if (r == 0) {
    jump(v);
    return -1;
  }
  return r * 100 + counter2;
}
/* A loop of setjmp: contexts must be reused, not exhausted. */
int sj_loop(int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    int r = __sfi_sys_setjmp(jb);
    if (r == 0)
      jump(i + 1);
    s += r;
  }
  return s;
}
/* Longjmp to a context saved by an earlier call (stale). */
void lj_stale(void) { __sfi_sys_longjmp(jb, 1); }
void lj_forged(long v) {
  jb[0] = (uint64_t)v;
  __sfi_sys_longjmp(jb, 1);
}

/* A frame that saved a context and returned: with __sfi_sys_setjmp_leave
 * (which the pass emits before such returns) the context dies with it. */
static uint64_t jb2[4];
__attribute__((noinline)) static int set_and_leave(int leave) {
  int r = __sfi_sys_setjmp(jb2);
  if (leave)
    __sfi_sys_setjmp_leave();
  return r;
}
int lj_after_return(int leave) {
  if (set_and_leave(leave))
    return 1000; /* resumed a dead frame */
  __sfi_sys_longjmp(jb2, 1);
}

/* Recursion that calls an import at every level: the thunks must refuse
 * to enter the host once the native stack is nearly exhausted. */
long host_depth(long);
long rec_import(long n) {
  volatile char pad[2000]; /* constant indices: stays on the native stack */
  pad[5] = (char)n;
  return host_depth(n) + rec_import(n + 1) + pad[5];
}

/* Writes after an import returned: the import may have called into another
 * instance (test_boundary), and the write must still land in this one. */
void poke_after(long *p, long v) {
  host_twice(v);
  *p = v;
}

/* A 4 KiB native frame (constant indices keep the array there): stk_keep
 * fills it with v, stk_peek copies whatever its own uninitialized frame at
 * the same place holds to out (test_stacks: another instance's secret must
 * never show up there). */
#define STK8(op, b)                                                            \
  op(b) op(b + 1) op(b + 2) op(b + 3) op(b + 4) op(b + 5) op(b + 6) op(b + 7)
#define STK64(op, b)                                                           \
  STK8(op, b) STK8(op, b + 8) STK8(op, b + 16) STK8(op, b + 24)                \
      STK8(op, b + 32) STK8(op, b + 40) STK8(op, b + 48) STK8(op, b + 56)
#define STK512(op)                                                             \
  STK64(op, 0) STK64(op, 64) STK64(op, 128) STK64(op, 192) STK64(op, 256)      \
      STK64(op, 320) STK64(op, 384) STK64(op, 448)
__attribute__((noinline)) void stk_keep(uint64_t v) {
  volatile uint64_t a[512];
#define STK_K(i) a[i] = v;
  STK512(STK_K)
}
__attribute__((noinline)) void stk_peek(uint64_t *out) {
  volatile uint64_t a[512];
#define STK_P(i) out[i] = a[i];
  STK512(STK_P)
}
