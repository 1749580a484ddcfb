/* posix.c: the POSIX calls added for real projects (issue 14) that have
 * real semantics in the sandbox, against glibc, in a granted directory
 * (argv[1]): pread/pwrite, ftruncate/truncate, fsync/fdatasync, fchmod/
 * chmod, owners kept, utime/utimes/utimensat/futimens, fcntl locks (one
 * process never conflicts with itself), realpath, anonymous and private
 * file mmap/mremap/munmap, select on files, ioctl/tcgetattr on a file,
 * single-threaded pthread mutexes/rwlocks/once/keys/timed waits,
 * getrusage, waitpid without children, dlopen of a missing library. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

static char path[512];
static const char *P(const char *dir, const char *name) {
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return path;
}
static void R(const char *what, long r) {
  printf("%-28s %ld%s%s\n", what, r, r < 0 ? " " : "",
         r < 0 ? strerror(errno) : "");
  errno = 0;
}
static int times_set; /* print times only once the program set them */
static void show_stat(const char *what, const char *p) {
  struct stat st;
  if (stat(p, &st) < 0) {
    R(what, -1);
    return;
  }
  printf("%-28s size %lld mode %o", what, (long long)st.st_size,
         (unsigned)st.st_mode & 07777);
  if (times_set)
    printf(" mtime %lld.%09ld atime %lld.%09ld",
           (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
           (long long)st.st_atim.tv_sec, st.st_atim.tv_nsec);
  printf("\n");
}

static int once_count;
static void once_fn(void) { once_count++; }
static int dtor_runs;
static void dtor(void *p) { (void)p, dtor_runs++; }

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  const char *d = argv[1];
  char buf[256], a[PATH_MAX], b[PATH_MAX];

  /* Positioned I/O leaves the offset alone. */
  int fd = open(P(d, "f.bin"), O_RDWR | O_CREAT | O_TRUNC, 0644);
  R("open", fd >= 0 ? 0 : -1);
  R("write", write(fd, "0123456789abcdef", 16));
  R("pwrite at 4", pwrite(fd, "XYZ", 3, 4));
  R("pwrite past the end", pwrite(fd, "end", 3, 30));
  R("lseek cur", lseek(fd, 0, SEEK_CUR));
  memset(buf, 0, sizeof buf);
  R("pread 8 at 2", pread(fd, buf, 8, 2));
  printf("data %s\n", buf);
  R("pread at 100", pread(fd, buf, 8, 100));
  R("pread negative", pread(fd, buf, 8, -1));
  R("pread bad fd", pread(99, buf, 8, 0));
  /* Sizes and syncing. */
  R("ftruncate 10", ftruncate(fd, 10));
  R("ftruncate -1", ftruncate(fd, -1));
  show_stat("after ftruncate", P(d, "f.bin"));
  R("ftruncate 5000", ftruncate(fd, 5000));
  show_stat("after grow", P(d, "f.bin"));
  R("fsync", fsync(fd));
  R("fdatasync", fdatasync(fd));
  R("fsync bad fd", fsync(99));
  R("truncate 7", truncate(P(d, "f.bin"), 7));
  show_stat("after truncate", P(d, "f.bin"));
  R("truncate missing", truncate(P(d, "nope"), 7));
  /* Modes. */
  R("fchmod 600", fchmod(fd, 0600));
  show_stat("after fchmod", P(d, "f.bin"));
  R("chmod 640", chmod(P(d, "f.bin"), 0640));
  show_stat("after chmod", P(d, "f.bin"));
  R("chmod missing", chmod(P(d, "nope"), 0640));
  /* Owners: unchanged is allowed. */
  struct stat st;
  fstat(fd, &st);
  R("fchown -1 -1", fchown(fd, (uid_t)-1, (gid_t)-1));
  R("fchown same", fchown(fd, st.st_uid, st.st_gid));
  R("chown same", chown(P(d, "f.bin"), st.st_uid, (gid_t)-1));
  R("chown missing", chown(P(d, "nope"), st.st_uid, (gid_t)-1));
  /* Times. */
  struct timespec ts[2] = {{1000000000, 5}, {1100000000, 123456789}};
  R("futimens", futimens(fd, ts));
  times_set = 1;
  show_stat("after futimens", P(d, "f.bin"));
  ts[0].tv_nsec = UTIME_OMIT;
  ts[1] = (struct timespec){1200000000, 0};
  R("utimensat omit", utimensat(AT_FDCWD, P(d, "f.bin"), ts, 0));
  show_stat("after utimensat", P(d, "f.bin"));
  struct timeval tv[2] = {{1300000000, 7}, {1300000001, 999999}};
  R("utimes", utimes(P(d, "f.bin"), tv));
  show_stat("after utimes", P(d, "f.bin"));
  struct utimbuf ub = {1400000000, 1400000002};
  R("utime", utime(P(d, "f.bin"), &ub));
  show_stat("after utime", P(d, "f.bin"));
  R("utime missing", utime(P(d, "nope"), &ub));
  tv[0].tv_usec = 1000000;
  R("utimes bad usec", utimes(P(d, "f.bin"), tv));
  /* Record locks: one process never conflicts with itself. */
  struct flock lk = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_len = 10};
  R("F_SETLK write", fcntl(fd, F_SETLK, &lk));
  R("F_SETLKW write again", fcntl(fd, F_SETLKW, &lk));
  lk.l_type = F_RDLCK;
  R("F_GETLK", fcntl(fd, F_GETLK, &lk));
  printf("F_GETLK type is F_UNLCK: %d\n", lk.l_type == F_UNLCK);
  lk.l_type = F_UNLCK;
  R("F_SETLK unlock", fcntl(fd, F_SETLK, &lk));
  lk.l_type = 99;
  R("F_SETLK bad type", fcntl(fd, F_SETLK, &lk));
  lk.l_type = F_RDLCK;
  R("F_SETLK bad fd", fcntl(99, F_SETLK, &lk));
  /* select on a file: always ready. */
  fd_set rs, ws;
  FD_ZERO(&rs);
  FD_ZERO(&ws);
  FD_SET(fd, &rs);
  FD_SET(fd, &ws);
  struct timeval zero = {0, 0};
  R("select", select(fd + 1, &rs, &ws, 0, &zero));
  printf("select sets: %d %d\n", FD_ISSET(fd, &rs), FD_ISSET(fd, &ws));
  zero = (struct timeval){0, 1000};
  R("select timeout only", select(0, 0, 0, 0, &zero));
  /* No terminal behind a file. */
  struct termios t;
  struct winsize w;
  R("tcgetattr file", tcgetattr(fd, &t));
  R("ioctl file TIOCGWINSZ", ioctl(fd, TIOCGWINSZ, &w));
  R("ioctl bad fd", ioctl(99, TIOCGWINSZ, &w));
  /* A private file mapping shows the file; anonymous memory is zeroed. */
  R("pwrite content", pwrite(fd, "mapped!", 7, 0));
  char *m = mmap(0, 100, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  R("mmap file", m == MAP_FAILED ? -1 : 0);
  if (m != MAP_FAILED) {
    printf("map %.7s then %d\n", m, m[50]);
    m[0] = 'M'; /* private: the file keeps its byte */
    pread(fd, buf, 1, 0);
    printf("file byte %c\n", buf[0]);
    R("munmap file", munmap(m, 100));
  }
  R("mmap bad offset", mmap(0, 100, PROT_READ, MAP_PRIVATE, fd, 3) ==
                               MAP_FAILED ? -1 : 0);
  R("mmap length 0", mmap(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1,
                          0) == MAP_FAILED ? -1 : 0);
  char *an = mmap(0, 10000, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  R("mmap anon", an == MAP_FAILED ? -1 : 0);
  long sum = 0;
  for (int i = 0; i < 10000; i++)
    sum += an[i];
  printf("anon zero sum %ld aligned %d\n", sum, ((long)an & 4095) == 0);
  memset(an, 7, 10000);
  char *an2 = mremap(an, 10000, 100000, MREMAP_MAYMOVE);
  R("mremap grow", an2 == MAP_FAILED ? -1 : 0);
  sum = 0;
  for (int i = 0; i < 10000; i++)
    sum += an2[i];
  printf("kept sum %ld\n", sum);
  an2[99999] = 1;
  R("mremap shrink", mremap(an2, 100000, 4096, 0) == an2 ? 0 : -1);
  R("munmap anon", munmap(an2, 4096));
  R("munmap unaligned", munmap(an2 + 1, 4096));
  close(fd);
  /* realpath: ".." and a symlink inside the grant, relative to the
   * directory's own real path. */
  mkdir(P(d, "sub"), 0755);
  symlink("f.bin", P(d, "link")); /* ENOSYS in the sandbox: made below */
  if (!realpath(d, a))
    R("realpath dir", -1);
  if (realpath(P(d, "sub/../f.bin"), b))
    printf("realpath dotdot: %s\n",
           strncmp(a, b, strlen(a)) == 0 ? b + strlen(a) : "(elsewhere)");
  else
    R("realpath dotdot", -1);
  R("realpath missing", realpath(P(d, "nope"), b) ? 0 : -1);
  char *dyn = realpath(P(d, "sub"), 0);
  printf("realpath malloc: %s\n", dyn ? dyn + strlen(a) : "(null)");
  free(dyn);
  rmdir(P(d, "sub"));
  unlink(P(d, "link"));
  R("unlink", unlink(P(d, "f.bin")));

  /* pthreads, one thread. */
  pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
  R("mutex lock", pthread_mutex_lock(&mu));
  R("mutex trylock held", pthread_mutex_trylock(&mu));
  R("mutex unlock", pthread_mutex_unlock(&mu));
  R("mutex trylock free", pthread_mutex_trylock(&mu));
  R("mutex unlock", pthread_mutex_unlock(&mu));
  pthread_mutexattr_t ma;
  pthread_mutexattr_init(&ma);
  R("settype recursive", pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE));
  pthread_mutex_t rm;
  R("mutex init", pthread_mutex_init(&rm, &ma));
  R("recursive lock 1", pthread_mutex_lock(&rm));
  R("recursive lock 2", pthread_mutex_lock(&rm));
  R("recursive unlock", pthread_mutex_unlock(&rm));
  R("recursive unlock", pthread_mutex_unlock(&rm));
  R("recursive unlock extra", pthread_mutex_unlock(&rm));
  R("mutex destroy", pthread_mutex_destroy(&rm));
  pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
  pthread_mutex_t em;
  pthread_mutex_init(&em, &ma);
  R("errorcheck lock", pthread_mutex_lock(&em));
  R("errorcheck relock", pthread_mutex_lock(&em));
  R("errorcheck unlock", pthread_mutex_unlock(&em));
  R("errorcheck unlock again", pthread_mutex_unlock(&em));
  pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
  R("rdlock", pthread_rwlock_rdlock(&rw));
  R("rdlock again", pthread_rwlock_rdlock(&rw));
  R("trywrlock with readers", pthread_rwlock_trywrlock(&rw));
  R("unlock", pthread_rwlock_unlock(&rw));
  R("unlock", pthread_rwlock_unlock(&rw));
  R("wrlock", pthread_rwlock_wrlock(&rw));
  R("tryrdlock with writer", pthread_rwlock_tryrdlock(&rw));
  R("unlock", pthread_rwlock_unlock(&rw));
  pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, once_fn);
  pthread_once(&once, once_fn);
  printf("once ran %d\n", once_count);
  pthread_key_t k1, k2;
  R("key create", pthread_key_create(&k1, dtor));
  R("key create", pthread_key_create(&k2, 0));
  printf("keys differ %d, initial %p\n", k1 != k2, pthread_getspecific(k1));
  R("setspecific", pthread_setspecific(k1, &once));
  printf("getspecific ok %d\n", pthread_getspecific(k1) == &once);
  R("key delete", pthread_key_delete(k2));
  printf("self equal %d\n", pthread_equal(pthread_self(), pthread_self()));
  pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
  R("cond signal", pthread_cond_signal(&cv));
  R("cond broadcast", pthread_cond_broadcast(&cv));
  pthread_mutex_lock(&mu);
  struct timespec at;
  clock_gettime(CLOCK_REALTIME, &at);
  at.tv_nsec += 20000000;
  if (at.tv_nsec >= 1000000000)
    at.tv_sec++, at.tv_nsec -= 1000000000;
  R("cond timedwait", pthread_cond_timedwait(&cv, &mu, &at));
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  printf("waited until the deadline %d\n",
         now.tv_sec > at.tv_sec ||
             (now.tv_sec == at.tv_sec && now.tv_nsec >= at.tv_nsec));
  R("mutex still held: trylock", pthread_mutex_trylock(&mu));
  pthread_mutex_unlock(&mu);
  pthread_attr_t pa;
  size_t ss = 0;
  R("attr init", pthread_attr_init(&pa));
  R("attr setstacksize", pthread_attr_setstacksize(&pa, 1 << 20));
  pthread_attr_getstacksize(&pa, &ss);
  printf("stacksize %zu\n", ss);
  pthread_attr_destroy(&pa);

  /* Resources and the rest. */
  struct rusage ru;
  R("getrusage self", getrusage(RUSAGE_SELF, &ru));
  R("getrusage children", getrusage(RUSAGE_CHILDREN, &ru));
  printf("children utime %ld\n", (long)ru.ru_utime.tv_sec);
  R("getrusage bad", getrusage(42, &ru));
  struct rlimit rl;
  R("getrlimit nofile", getrlimit(RLIMIT_NOFILE, &rl));
  printf("nofile soft <= hard %d\n", rl.rlim_cur <= rl.rlim_max);
  R("setrlimit same", setrlimit(RLIMIT_NOFILE, &rl));
  rl.rlim_cur = rl.rlim_max + 1;
  if (rl.rlim_max != RLIM_INFINITY)
    R("setrlimit soft > hard", setrlimit(RLIMIT_NOFILE, &rl));
  else
    printf("%-28s -1 Invalid argument\n", "setrlimit soft > hard");
  R("getrlimit bad", getrlimit(1000, &rl));
  printf("getpwuid found %d\n", getpwuid(getuid()) != 0);
  int status;
  R("waitpid", waitpid(-1, &status, 0));
  R("wait", wait(&status));
  void *h = dlopen("libsfi-does-not-exist.so.9", RTLD_NOW);
  printf("dlopen %p, dlerror set %d, then %p\n", h, dlerror() != 0,
         (void *)dlerror());
  return 0;
}
