/* test_sys.c: the system interface as the sandbox libc sees it, driven
 * through the test module's s_* wrappers: checked pointers (-EFAULT, never
 * a host access), the fd table, path resolution beneath granted directories
 * (no escape by "..", absolute paths or symlinks), clocks, random, args,
 * environment, heap and memory limit, fmt_fp, strtod, libm, setjmp. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "t.h"

struct stat;
int sfi__sys_device_ok(const char *dev, const struct stat *st);

static sfi_instance *in;
static uint64_t buf, base;
static size_t used;

static int64_t host_twice(int64_t x) { return 2 * x; }
T_TMOD_IMPORTS(imports, host_twice, host_twice, host_twice, host_twice);

/* Copies a string into the sandbox scratch buffer; returns its address. */
static uint64_t put(const char *s) {
  uint64_t a = buf + used;
  sfi_copy_in(in, a, s, strlen(s) + 1);
  used += strlen(s) + 1;
  return a;
}

static int64_t callI(const char *fn, const char *sig, sfi_val a0, sfi_val a1,
                     sfi_val a2) {
  sfi_val a[3] = {a0, a1, a2}, r;
  int rc = sfi_call(in, fn, sig, a, &r);
  CHECK_EQ(rc, SFI_OK);
  if (rc)
    return -99999;
  size_t n = strlen(sig);
  return sig[n - 1] == 'i' ? r.i32 : r.i64;
}
#define P(x) SFI_PTR(x)
#define I(x) SFI_I32(x)
#define L(x) SFI_I64(x)
#define Z SFI_I64(0)

static char tmp[] = "/tmp/sfi-rt-XXXXXX";
static char grant[256], outside[256];

static void setup_dirs(void) {
  CHECK(mkdtemp(tmp) != NULL);
  snprintf(grant, sizeof grant, "%s/grant", tmp);
  snprintf(outside, sizeof outside, "%s/secret", tmp);
  mkdir(grant, 0755);
  char p[512];
  snprintf(p, sizeof p, "%s/a.txt", grant);
  FILE *f = fopen(p, "w");
  fputs("granted file\n", f);
  fclose(f);
  f = fopen(outside, "w");
  fputs("secret\n", f);
  fclose(f);
  snprintf(p, sizeof p, "%s/out", grant);
  CHECK(symlink("/etc", p) == 0);
  snprintf(p, sizeof p, "%s/up", grant);
  CHECK(symlink("..", p) == 0);
  snprintf(p, sizeof p, "%s/sub", grant);
  mkdir(p, 0755);
}

static void test_io(int outr, int inw) {
  char got[64] = {0};
  uint64_t s = put("hello");
  CHECK_EQ(callI("s_write", "ipI:I", I(1), P(s), L(5)), 5);
  CHECK_EQ(read(outr, got, sizeof got), 5);
  CHECK(memcmp(got, "hello", 5) == 0);
  CHECK_EQ(callI("s_write", "ipI:I", I(1), P((uint64_t)(uintptr_t)got), L(5)),
           -EFAULT);
  CHECK_EQ(callI("s_write", "ipI:I", I(1), P(base + 0x10), L(5)), -EFAULT);
  CHECK_EQ(callI("s_write", "ipI:I", I(1), P(s), L(1LL << 40)), -EFAULT);
  CHECK_EQ(callI("s_write", "ipI:I", I(1), P(s), L(-1)), -EFAULT);
  CHECK_EQ(callI("s_write", "ipI:I", I(99), P(s), L(5)), -EBADF);
  CHECK_EQ(callI("s_write", "ipI:I", I(-1), P(s), L(5)), -EBADF);
  CHECK_EQ(callI("s_write", "ipI:I", I(1 << 30), P(s), L(5)), -EBADF);
  CHECK_EQ(write(inw, "input", 5), 5);
  uint64_t dst = buf + 8192;
  CHECK_EQ(callI("s_read", "ipI:I", I(0), P(dst), L(64)), 5);
  CHECK(memcmp(sfi_ptr(in, dst, 5, 0), "input", 5) == 0);
  CHECK_EQ(callI("s_read", "ipI:I", I(0), P(sfi_lookup(in, "add")), L(4)),
           -EFAULT); /* code: read-only */
  CHECK_EQ(callI("s_isatty", "i:i", I(1), Z, Z), 0);
  CHECK_EQ(callI("s_isatty", "i:i", I(77), Z, Z), -EBADF);
}

static void test_files(void) {
  uint64_t dst = buf + 8192, st = buf + 16384;
  int fd =
      (int)callI("s_open", "pii:i", P(put("/data/a.txt")), I(O_RDONLY), I(0));
  CHECK(fd >= 3);
  CHECK_EQ(callI("s_read", "ipI:I", I(fd), P(dst), L(100)), 13);
  CHECK(memcmp(sfi_ptr(in, dst, 13, 0), "granted file\n", 13) == 0);
  CHECK_EQ(callI("s_lseek", "iIi:I", I(fd), L(8), I(SEEK_SET)), 8);
  CHECK_EQ(callI("s_lseek", "iIi:I", I(fd), L(0), I(9)), -EINVAL);
  CHECK_EQ(callI("s_fstat", "ip:i", I(fd), P(st), Z), 0);
  struct stat *sp = sfi_ptr(in, st, sizeof *sp, 0);
  CHECK_EQ(sp->st_size, 13);
  CHECK_EQ(callI("s_fstat", "ip:i", I(fd), P(base + 64), Z), -EFAULT);
  CHECK_EQ(callI("s_close", "i:i", I(fd), Z, Z), 0);
  CHECK_EQ(callI("s_close", "i:i", I(fd), Z, Z), -EBADF);
  /* Relative paths resolve against the first grant. */
  /* Devices: only the real ones (a regular file or another device at the
   * name is not the device); never created; O_EXCL says it exists. */
  {
    struct stat ds, rs;
    CHECK(stat("/dev/null", &ds) == 0 && stat(outside, &rs) == 0);
    CHECK(sfi__sys_device_ok("/dev/null", &ds));
    CHECK(!sfi__sys_device_ok("/dev/zero", &ds));
    CHECK(!sfi__sys_device_ok("/dev/null", &rs));
    CHECK(!sfi__sys_device_ok("/dev/tty", &ds));
    CHECK_EQ(callI("s_open", "pii:i", P(put("/dev/null")),
                   I(O_WRONLY | O_CREAT | O_EXCL), I(0644)),
             -EEXIST);
    int dfd = (int)callI("s_open", "pii:i", P(put("/dev/null")),
                         I(O_WRONLY | O_CREAT | O_TRUNC), I(0644));
    CHECK(dfd >= 3);
    callI("s_close", "i:i", I(dfd), Z, Z);
  }
  fd = (int)callI("s_open", "pii:i", P(put("a.txt")), I(O_RDONLY), I(0));
  CHECK(fd >= 3);
  callI("s_close", "i:i", I(fd), Z, Z);
  fd = (int)callI("s_open", "pii:i", P(put("/data/sub/../a.txt")), I(O_RDONLY),
                  I(0));
  CHECK(fd >= 3);
  callI("s_close", "i:i", I(fd), Z, Z);
  /* Escapes. */
  const char *bad[] = {"/data/../secret",
                       "../secret",
                       "/etc/passwd",
                       "/data/out/passwd",
                       "/data/up/secret",
                       "/datax/a.txt",
                       "/",
                       "/data/sub/../../secret",
                       "/proc/self/root/etc/passwd"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    int rc = (int)callI("s_open", "pii:i", P(put(bad[i])), I(O_RDONLY), I(0));
    CHECK(rc == -EACCES || rc == -ENOENT || rc == -ELOOP);
    if (rc >= 0)
      fprintf(stderr, "  escaped with %s\n", bad[i]);
    rc = (int)callI("s_stat", "pp:i", P(put(bad[i])), P(st), Z);
    CHECK(rc < 0);
  }
  CHECK_EQ(callI("s_open", "pii:i", P(base + 0x20), I(0), I(0)), -EFAULT);
  CHECK_EQ(callI("s_open", "pii:i", P(put("/data/a.txt")),
                 I(O_RDONLY | 0x200000), I(0)),
           -EINVAL);
  /* Create, write, stat, rename, unlink, mkdir, rmdir. */
  fd = (int)callI("s_open", "pii:i", P(put("/data/new.txt")),
                  I(O_WRONLY | O_CREAT | O_TRUNC), I(0644));
  CHECK(fd >= 3);
  CHECK_EQ(callI("s_write", "ipI:I", I(fd), P(put("12345")), L(5)), 5);
  callI("s_close", "i:i", I(fd), Z, Z);
  CHECK_EQ(callI("s_stat", "pp:i", P(put("/data/new.txt")), P(st), Z), 0);
  CHECK_EQ(sp->st_size, 5);
  CHECK_EQ(callI("s_rename", "pp:i", P(put("/data/new.txt")),
                 P(put("/data/new2.txt")), Z),
           0);
  /* an absolute path's ".." is resolved by name first: this names
   * /moved.txt, under no grant */
  CHECK_EQ(callI("s_rename", "pp:i", P(put("/data/new2.txt")),
                 P(put("/data/../moved.txt")), Z),
           -ENOENT);
  /* and one that leaves a grant by name reaches a file that another
   * grant holds only through that grant (here: none) */
  CHECK_EQ(callI("s_rename", "pp:i", P(put("/data/new2.txt")),
                 P(put("/data/sub/../../data/moved.txt")), Z),
           0);
  CHECK_EQ(callI("s_rename", "pp:i", P(put("/data/moved.txt")),
                 P(put("/data/new2.txt")), Z),
           0);
  CHECK_EQ(callI("s_rename", "pp:i", P(put("/data/new2.txt")),
                 P(put("/tmp/moved.txt")), Z),
           -ENOENT); /* under no grant: no such directory */
  CHECK_EQ(callI("s_unlink", "p:i", P(put("/data/new2.txt")), Z, Z), 0);
  CHECK_EQ(callI("s_unlink", "p:i", P(put("/data/new2.txt")), Z, Z), -ENOENT);
  CHECK(callI("s_unlink", "p:i", P(put("/data/../secret")), Z, Z) < 0);
  CHECK(callI("s_unlink", "p:i", P(put("/data/up/secret")), Z, Z) < 0);
  CHECK_EQ(callI("s_unlink", "p:i", P(put("/data")), Z, Z), -EACCES);
  CHECK(access(outside, F_OK) == 0); /* the secret survived */
  CHECK_EQ(callI("s_mkdir", "pi:i", P(put("/data/d/")), I(0755), Z), 0);
  CHECK_EQ(callI("s_stat", "pp:i", P(put("/data/d")), P(st), Z), 0);
  CHECK(S_ISDIR(sp->st_mode));
  CHECK_EQ(callI("s_mkdir", "pi:i", P(put("/data/out/x")), I(0755), Z),
           -EACCES);
  CHECK_EQ(callI("s_rmdir", "p:i", P(put("/data/d")), Z, Z), 0);
  /* "/data/.." names "/" by name: under no grant */
  CHECK_EQ(callI("s_rmdir", "p:i", P(put("/data/..")), Z, Z), -ENOENT);
  CHECK_EQ(callI("s_rmdir", "p:i", P(put("/data/.")), Z, Z), -EACCES);
  /* Directory listing. */
  /* A mode with O_DIRECTORY (no O_CREAT) is ignored, as open(2) does:
   * O_TMPFILE shares O_DIRECTORY's bit, which once made it reach openat2
   * (EINVAL for every opendir with garbage in the mode register). */
  int dfd = (int)callI("s_open", "pii:i", P(put("/data")),
                       I(O_RDONLY | O_DIRECTORY), I(0140));
  CHECK(dfd >= 3);
  CHECK_EQ(callI("s_close", "i:i", I(dfd), Z, Z), 0);
  fd = (int)callI("s_open", "pii:i", P(put("/data")), I(O_RDONLY | O_DIRECTORY),
                  I(0));
  CHECK(fd >= 3);
  int64_t n = callI("s_getdents", "ipI:I", I(fd), P(dst), L(4096));
  CHECK(n > 0);
  int found = 0;
  const char *d = sfi_ptr(in, dst, (uint64_t)(n > 0 ? n : 1), 0);
  for (int64_t off = 0; d && off < n;) {
    uint16_t reclen;
    memcpy(&reclen, d + off + 16, 2);
    found |= strcmp(d + off + 19, "a.txt") == 0;
    off += reclen;
  }
  CHECK(found);
  CHECK_EQ(callI("s_getdents", "ipI:I", I(fd), P(base), L(4096)), -EFAULT);
  callI("s_close", "i:i", I(fd), Z, Z);
}

static int host_fds(void) {
  int n = 0;
  DIR *d = opendir("/proc/self/fd");
  for (struct dirent *e; d && (e = readdir(d));)
    n += e->d_name[0] != '.';
  if (d)
    closedir(d);
  return n;
}

/* Pipes, dup and poll: checked pointers and descriptors, no host fd
 * reachable, the table's bound enforced, and every host descriptor they
 * made closed again by reset (no leak into the host). */
static void test_pipe_poll(void) {
  /* A host that closed its stdin: the kernel hands out 0 next, and it must
   * not become the sandbox's (the host's next read of fd 0 would come from
   * the sandbox's pipe: review). */
  int saved0 = dup(0);
  close(0);
  int before = host_fds();
  uint64_t fa = buf + 30000;
  CHECK_EQ(callI("s_pipe", "pi:i", P(base), I(0), Z), -EFAULT);
  CHECK_EQ(callI("s_pipe", "pi:i", P(sfi_lookup(in, "add")), I(0), Z),
           -EFAULT); /* code: read-only */
  CHECK_EQ(callI("s_pipe", "pi:i", P(fa), I(O_APPEND), Z), -EINVAL);
  CHECK_EQ(callI("s_pipe", "pi:i", P(fa), I(O_NONBLOCK), Z), 0);
  int *pf = sfi_ptr(in, fa, 8, 0);
  int rd = pf[0], wr = pf[1];
  CHECK(rd >= 3 && wr >= 3 && rd != wr);
  CHECK_EQ(host_fds(), before + 2);
  CHECK(fcntl(0, F_GETFD) < 0); /* the host's 0 stays closed */
  dup2(saved0, 0);
  close(saved0);
  before = host_fds() - 2; /* 0 is back */
  /* poll: bounds, pointers, descriptors that are not the sandbox's */
  uint64_t pa = buf + 30100;
  CHECK_EQ(callI("s_poll", "pIi:i", P(pa), L(100000), I(0)), -EINVAL);
  CHECK_EQ(callI("s_poll", "pIi:i", P(base), L(2), I(0)), -EFAULT);
  struct {
    int32_t fd;
    int16_t ev, rev;
  } pfd[3] = {{rd, 1, 0}, {wr, 4, 0}, {2000, 1, 0}};
  sfi_copy_in(in, pa, pfd, sizeof pfd);
  CHECK_EQ(callI("s_poll", "pIi:i", P(pa), L(3), I(1000)), 2);
  sfi_copy_out(in, pfd, pa, sizeof pfd);
  CHECK_EQ(pfd[0].rev, 0);
  CHECK_EQ(pfd[1].rev, 4);    /* POLLOUT */
  CHECK_EQ(pfd[2].rev, 0x20); /* POLLNVAL: not a sandbox fd */
  /* dup: bad descriptors and targets, dup2 over stdio */
  CHECK_EQ(callI("s_dup", "iii:i", I(77), I(-1), I(0)), -EBADF);
  CHECK_EQ(callI("s_dup", "iii:i", I(rd), I(256), I(0)), -EBADF);
  CHECK_EQ(callI("s_dup", "iii:i", I(rd), I(-1), I(256)), -EINVAL);
  CHECK_EQ(callI("s_dup", "iii:i", I(rd), I(-1), I(-5)), -EBADF);
  int d = (int)callI("s_dup", "iii:i", I(rd), I(-1), I(40));
  CHECK_EQ(d, 40);
  CHECK_EQ(callI("s_dup", "iii:i", I(wr), I(2), I(0)), 2);
  /* The table has SFI_FD_MAX entries: filling it gives -EMFILE, never a
   * descriptor past it. */
  int made = 0, rc;
  while ((rc = (int)callI("s_pipe", "pi:i", P(fa), I(0), Z)) == 0)
    made++;
  CHECK_EQ(rc, -EMFILE);
  CHECK(made > 100 && made < 128);
  /* One slot free (whatever the loop left): the read end goes in, the
   * write end does not. With the host's stdin closed the read end is moved
   * off fd 0 first; it must still be closed, not leaked. */
  while (callI("s_dup", "iii:i", I(rd), I(-1), I(3)) >= 0)
    ; /* fill whatever the loop left */
  CHECK_EQ(callI("s_close", "i:i", I(40), Z, Z), 0);
  int saved0b = dup(0);
  close(0);
  CHECK_EQ(callI("s_pipe", "pi:i", P(fa), I(0), Z), -EMFILE);
  dup2(saved0b, 0);
  close(saved0b);
  uint64_t mi = buf + 30200;
  CHECK_EQ(callI("s_meminfo", "p:i", P(base), Z, Z), -EFAULT);
  CHECK_EQ(callI("s_meminfo", "p:i", P(mi), Z, Z), 0);
  uint64_t *m = sfi_ptr(in, mi, 16, 0);
  CHECK(m[0] > 0 && m[1] <= m[0]);
  CHECK_EQ(sfi_instance_reset(in), SFI_OK);
  CHECK_EQ(host_fds(), before); /* all closed; stdio of the host kept */
  CHECK(fcntl(2, F_GETFD) >= 0);
}

static void test_misc(void) {
  uint64_t ts = buf + 16384;
  CHECK_EQ(callI("s_clock", "ip:i", I(1), P(ts), Z), 0);
  int64_t *t = sfi_ptr(in, ts, 16, 0);
  CHECK(t[0] > 0 || t[1] > 0);
  CHECK_EQ(callI("s_clock", "ip:i", I(0), P(ts), Z), 0);
  CHECK(t[0] > 1600000000);
  CHECK_EQ(callI("s_clock", "ip:i", I(5), P(ts), Z), -EINVAL);
  CHECK_EQ(callI("s_clock", "ip:i", I(1), P(base), Z), -EFAULT);
  uint64_t rnd = buf + 20000;
  CHECK_EQ(callI("s_random", "pI:I", P(rnd), L(64), Z), 64);
  const uint8_t *rb = sfi_ptr(in, rnd, 64, 0);
  int nz = 0;
  for (int i = 0; i < 64; i++)
    nz += rb[i] != 0;
  CHECK(nz > 32);
  CHECK_EQ(callI("s_random", "pI:I", P(base), L(64), Z), -EFAULT);
  /* Args and environment. */
  uint64_t pc = buf + 24000, pb = buf + 24008, pv = buf + 24016,
           sb = buf + 24100;
  CHECK_EQ(callI("s_args_sizes", "pp:i", P(pc), P(pb), Z), 0);
  CHECK_EQ(*(int *)sfi_ptr(in, pc, 4, 0), 2);
  CHECK_EQ(*(uint64_t *)sfi_ptr(in, pb, 8, 0), 7); /* "prog\0x\0" */
  CHECK_EQ(callI("s_args_get", "pp:i", P(pv), P(sb), Z), 0);
  uint64_t *v = sfi_ptr(in, pv, 16, 0);
  CHECK(strcmp(sfi_ptr(in, v[1], 2, 0), "x") == 0);
  CHECK_EQ(callI("s_args_get", "pp:i", P(base), P(sb), Z), -EFAULT);
  CHECK_EQ(callI("s_args_sizes", "pp:i", P(base), P(pb), Z), -EFAULT);
  CHECK_EQ(callI("s_env_sizes", "pp:i", P(pc), P(pb), Z), 0);
  CHECK_EQ(*(int *)sfi_ptr(in, pc, 4, 0), 1);
  CHECK_EQ(callI("s_env_get", "pp:i", P(pv), P(sb), Z), 0);
  CHECK(strcmp(sfi_ptr(in, v[0], 6, 0), "K=V1") == 0);
  /* fmt_fp and strtod. */
  uint64_t fb = buf + 30000;
  sfi_val a[7] = {P(fb), L(64), I('f'), I(0), I(0), I(3), SFI_F64(3.14159)}, r;
  CHECK_EQ(sfi_call(in, "s_fmt", "pIiiiid:i", a, &r), SFI_OK);
  CHECK_EQ(r.i32, 5);
  CHECK(strcmp(sfi_ptr(in, fb, 6, 0), "3.142") == 0);
  a[2] = I('e');
  a[3] = I(2 | 16);
  a[4] = I(12);
  a[5] = I(2);
  CHECK_EQ(sfi_call(in, "s_fmt", "pIiiiid:i", a, &r), SFI_OK);
  CHECK(strcmp(sfi_ptr(in, fb, 13, 0), "+0003.14e+00") == 0);
  a[1] = L(4); /* truncated, full length returned */
  CHECK_EQ(sfi_call(in, "s_fmt", "pIiiiid:i", a, &r), SFI_OK);
  CHECK_EQ(r.i32, 12);
  CHECK(strcmp(sfi_ptr(in, fb, 4, 0), "+00") == 0);
  a[2] = I('d');
  CHECK_EQ(sfi_call(in, "s_fmt", "pIiiiid:i", a, &r), SFI_OK);
  CHECK_EQ(r.i32, -EINVAL);
  a[2] = I('g');
  a[3] = I(64);
  CHECK_EQ(sfi_call(in, "s_fmt", "pIiiiid:i", a, &r), SFI_OK);
  CHECK_EQ(r.i32, -EINVAL);
  a[3] = I(0);
  a[4] = I(1 << 30);
  CHECK_EQ(sfi_call(in, "s_fmt", "pIiiiid:i", a, &r), SFI_OK);
  CHECK_EQ(r.i32, -EINVAL);
  a[0] = P(base);
  a[1] = L(64);
  a[4] = I(0);
  CHECK_EQ(sfi_call(in, "s_fmt", "pIiiiid:i", a, &r), SFI_OK);
  CHECK_EQ(r.i32, -EFAULT);
  uint64_t s = put("1.5e3xyz"), pe = buf + 31000, perr = buf + 31008;
  sfi_val b[4] = {P(s), L(8), P(pe), P(perr)};
  CHECK_EQ(sfi_call(in, "s_strtod", "pIpp:d", b, &r), SFI_OK);
  CHECK(r.f64 == 1500.0);
  CHECK_EQ(*(uint64_t *)sfi_ptr(in, pe, 8, 0), 5);
  CHECK_EQ(*(int *)sfi_ptr(in, perr, 4, 0), 0);
  b[0] = P(put("1e999"));
  b[1] = L(5);
  CHECK_EQ(sfi_call(in, "s_strtod", "pIpp:d", b, &r), SFI_OK);
  CHECK(isinf(r.f64));
  CHECK_EQ(*(int *)sfi_ptr(in, perr, 4, 0), ERANGE);
  CHECK_EQ(sfi_call(in, "s_strtof", "pIpp:f", b, &r), SFI_OK);
  CHECK(isinf(r.f32));
  b[2] = P(base); /* bad end pointer: nothing written, no crash */
  CHECK_EQ(sfi_call(in, "s_strtod", "pIpp:d", b, &r), SFI_OK);
  CHECK(r.f64 == 0);
  b[0] = P(base + 0xfffffff0ULL);
  b[1] = L(1 << 20);
  b[2] = P(pe);
  CHECK_EQ(sfi_call(in, "s_strtod", "pIpp:d", b, &r), SFI_OK);
  sfi_val m[2] = {SFI_F64(2), SFI_F64(10)};
  CHECK_EQ(sfi_call(in, "s_pow", "dd:d", m, &r), SFI_OK);
  CHECK(r.f64 == 1024.0);
}

static void test_heap_setjmp(sfi_module *mod) {
  int64_t h0 = callI("do_sbrk", "I:I", L(0), Z, Z);
  CHECK(h0 > 0 && ((uint64_t)h0 & 4095) == 0);
  CHECK_EQ(callI("do_sbrk", "I:I", L(100), Z, Z), h0);
  CHECK_EQ(callI("do_sbrk", "I:I", L(0), Z, Z), h0 + 100);
  CHECK(sfi_ptr(in, (uint64_t)h0, 100, 1) != NULL);
  CHECK_EQ(callI("do_sbrk", "I:I", L(-200), Z, Z), -1);
  CHECK_EQ(callI("do_sbrk", "I:I", L(1LL << 40), Z, Z), -1);
  CHECK_EQ(callI("do_sbrk", "I:I", L(INT64_MIN), Z, Z), -1);
  CHECK_EQ(callI("do_sbrk", "I:I", L(-100), Z, Z), h0 + 100);
  /* Memory limit: data, bss, shadow stack (64 KiB here) and heap count
   * together, so the heap gets less than 1 MiB - 64 KiB. */
  sfi_instance_options o = {0};
  o.mem_limit = 1 << 20;
  o.shadow_stack = 64 << 10;
  sfi_instance *lim = sfi_instance_new(mod, &o);
  CHECK(lim != NULL);
  sfi_val a = SFI_I64(512 << 10), r;
  CHECK_EQ(sfi_call(lim, "do_sbrk", "I:I", &a, &r), SFI_OK);
  CHECK(r.i64 > 0);
  a = SFI_I64(600 << 10);
  CHECK_EQ(sfi_call(lim, "do_sbrk", "I:I", &a, &r), SFI_OK);
  CHECK_EQ(r.i64, -1);
  a = SFI_I64(300 << 10);
  CHECK_EQ(sfi_call(lim, "do_sbrk", "I:I", &a, &r), SFI_OK);
  CHECK(r.i64 > 0);
  sfi_instance_free(lim);
  /* A shadow stack larger than the limit: refused, naming the numbers. */
  o.shadow_stack = 2 << 20;
  CHECK(sfi_instance_new(mod, &o) == NULL);
  CHECK_MSG("exceed the memory limit of 1048576 bytes");
  /* setjmp/longjmp. */
  CHECK_EQ(callI("sj", "i:i", I(5), Z, Z), 502);
  CHECK_EQ(callI("sj", "i:i", I(0), Z, Z), -1);
  CHECK_EQ(callI("sj_loop", "i:i", I(1000), Z, Z), 500500);
  sfi_val z = SFI_I32(0);
  CHECK_EQ(sfi_call(in, "sj", "i:i", &z, &r), SFI_OK);
  CHECK_EQ(sfi_call(in, "lj_stale", ":v", NULL, NULL), SFI_TRAP_ABORT);
  CHECK_MSG("longjmp");
  CHECK_EQ(sfi_instance_reset(in), SFI_OK);
  sfi_val one = SFI_I32(1);
  CHECK_EQ(sfi_call(in, "lj_after_return", "i:i", &one, &r), SFI_TRAP_ABORT);
  CHECK_MSG("stale");
  CHECK_EQ(sfi_instance_reset(in), SFI_OK);
  sfi_val f = SFI_I64(0x0000000100000000LL);
  CHECK_EQ(sfi_call(in, "lj_forged", "I:v", &f, NULL), SFI_TRAP_ABORT);
  CHECK_MSG("forged");
  CHECK_EQ(sfi_instance_reset(in), SFI_OK);
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  setup_dirs();
  sfi_module *mod = sfi_module_load(argv[1], imports, NULL);
  CHECK(mod != NULL);
  if (!mod)
    return t_done("test_sys");
  int out[2], inp[2];
  CHECK(pipe(out) == 0 && pipe(inp) == 0);
  const char *av[] = {"prog", "x", NULL}, *ev[] = {"K=V1", NULL};
  const char *dh[] = {grant}, *dg[] = {"/data"};
  sfi_instance_options o = {0};
  o.argv = av;
  o.envp = ev;
  o.dirs_host = dh;
  o.dirs_guest = dg;
  o.ndirs = 1;
  o.stdio_fds[0] = inp[0];
  o.stdio_fds[1] = out[1];
  o.stdio_fds[2] = 2;
  in = sfi_instance_new(mod, &o);
  CHECK(in != NULL);
  if (!in)
    return t_done("test_sys");
  sfi_val r;
  sfi_call(in, "getbuf", ":p", NULL, &r);
  buf = r.ptr;
  base = sfi_region_base(in);
  test_io(out[0], inp[1]);
  test_files();
  test_misc();
  test_pipe_poll();
  test_heap_setjmp(mod);
  /* An instance without grants sees no files at all. */
  sfi_instance *none = sfi_instance_new(mod, NULL);
  sfi_val a[3] = {P(buf), I(0), I(0)};
  sfi_val gb;
  sfi_call(none, "getbuf", ":p", NULL, &gb);
  sfi_copy_in(none, gb.ptr, "a.txt", 6);
  a[0] = P(gb.ptr);
  CHECK_EQ(sfi_call(none, "s_open", "pii:i", a, &r), SFI_OK);
  CHECK_EQ(r.i32, -ENOENT);
  sfi_instance_free(none);
  sfi_instance_free(in);
  sfi_module_free(mod);
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf %s", tmp);
  CHECK(system(cmd) == 0);
  return t_done("test_sys");
}
