// libcompat.c: the documented failures and sandbox-specific answers of the
// functions added for issue 14 (libc/README.md): no threads, processes,
// dynamic loading, terminals or shared file mappings; a fixed user;
// ownership changes refused; limits kept per instance; realpath answers
// with the guest path of a grant; host stdio cannot be resized.
// RUN: rm -rf %t.d && mkdir -p %t.d/host && echo data > %t.d/host/f.txt
// RUN: ln -s f.txt %t.d/host/link
// RUN: sfi-cc -O2 %s -o %t.so
// RUN: sfi-run --dir %t.d/host:/data %t.so | FileCheck %s
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <pwd.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static void *thr(void *a) { return a; }
static void E(const char *what, int r, int e) {
  printf("%s: %d %s\n", what, r, e ? strerror(e) : "-");
  errno = 0;
}
#define ERRNO(what, call) do { errno = 0; int r_ = (call); E(what, r_, errno); } while (0)
#define RET(what, call) do { int r_ = (call); E(what, r_ ? -1 : 0, r_); } while (0)

int main(void) {
  pthread_t t;
  // CHECK: pthread_create: -1 Resource temporarily unavailable
  RET("pthread_create", pthread_create(&t, 0, thr, 0));
  // CHECK-NEXT: pthread_join self: -1 Resource deadlock avoided
  RET("pthread_join self", pthread_join(pthread_self(), 0));
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t c = PTHREAD_COND_INITIALIZER;
  pthread_mutex_lock(&m);
  // CHECK-NEXT: relock: -1 Resource deadlock avoided
  RET("relock", pthread_mutex_lock(&m));
  // CHECK-NEXT: cond_wait: -1 Resource deadlock avoided
  RET("cond_wait", pthread_cond_wait(&c, &m));
  pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
  pthread_rwlock_rdlock(&rw);
  // CHECK-NEXT: wrlock over own rdlock: -1 Resource deadlock avoided
  RET("wrlock over own rdlock", pthread_rwlock_wrlock(&rw));
  // CHECK-NEXT: dlopen: 0 -
  // CHECK-NEXT: dlerror: dlopen: dynamic loading is not supported in the sandbox
  // CHECK-NEXT: dlerror again: (null)
  ERRNO("dlopen", dlopen("libz.so.1", RTLD_NOW) != 0);
  char *msg = dlerror();
  printf("dlerror: %s\n", msg ? msg : "(null)");
  msg = dlerror();
  printf("dlerror again: %s\n", msg ? msg : "(null)");
  // CHECK-NEXT: dlsym: 0 -
  // CHECK-NEXT: dlclose: -1 -
  ERRNO("dlsym", dlsym(RTLD_DEFAULT, "malloc") != 0);
  ERRNO("dlclose", dlclose(0));
  // CHECK-NEXT: popen: 0 Function not implemented
  ERRNO("popen", popen("ls", "r") != 0);
  // CHECK-NEXT: fork: -1 Function not implemented
  ERRNO("fork", fork());
  char *argv[] = {"sh", 0};
  // CHECK-NEXT: execve: -1 Function not implemented
  ERRNO("execve", execve("/bin/sh", argv, argv + 1));
  // CHECK-NEXT: execvp: -1 Function not implemented
  ERRNO("execvp", execvp("sh", argv));
  // CHECK-NEXT: posix_spawn: -1 Function not implemented
  pid_t pid;
  RET("posix_spawn", posix_spawn(&pid, "/bin/sh", 0, 0, argv, argv + 1));
  // CHECK-NEXT: waitpid: -1 No child processes
  ERRNO("waitpid", waitpid(-1, 0, 0));
  // CHECK-NEXT: system: -1 Function not implemented
  ERRNO("system", system("true"));
  // CHECK-NEXT: system NULL: 0 -
  ERRNO("system NULL", system(0));
  // CHECK-NEXT: getpwuid: sandbox uid 0 home / shell /bin/sh
  struct passwd *pw = getpwuid(getuid());
  printf("getpwuid: %s uid %d home %s shell %s\n", pw->pw_name,
         (int)pw->pw_uid, pw->pw_dir, pw->pw_shell);
  // CHECK-NEXT: getpwuid other: 0
  printf("getpwuid other: %d\n", getpwuid(4242) != 0);
  // CHECK-NEXT: getpwnam: 1
  printf("getpwnam: %d\n", getpwnam("sandbox") == pw);
  // CHECK-NEXT: chown away: -1 Operation not permitted
  ERRNO("chown away", chown("/data/f.txt", 4242, 4242));
  // CHECK-NEXT: ftruncate stdout: -1 Operation not permitted
  ERRNO("ftruncate stdout", ftruncate(1, 0));
  // CHECK-NEXT: fchmod stdout: -1 Operation not permitted
  ERRNO("fchmod stdout", fchmod(1, 0777));
  // CHECK-NEXT: ioctl stdout: -1 Inappropriate ioctl for device
  struct winsize ws;
  ERRNO("ioctl stdout", ioctl(1, TIOCGWINSZ, &ws));
  struct termios tio;
  // CHECK-NEXT: tcgetattr stdout: -1 Inappropriate ioctl for device
  ERRNO("tcgetattr stdout", tcgetattr(1, &tio));
  int fd = open("/data/f.txt", O_RDWR);
  // CHECK-NEXT: mmap shared file: -1 No such device
  ERRNO("mmap shared file", mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED,
                                 fd, 0) == MAP_FAILED ? -1 : 0);
  // CHECK-NEXT: mmap shared anon: 0 -
  ERRNO("mmap shared anon", mmap(0, 4096, PROT_READ | PROT_WRITE,
                                 MAP_SHARED | MAP_ANONYMOUS, -1, 0) ==
                                    MAP_FAILED ? -1 : 0);
  // CHECK-NEXT: realpath: /data/f.txt
  // CHECK-NEXT: realpath link: /data/f.txt
  // CHECK-NEXT: realpath relative: /data/f.txt
  char buf[4096];
  printf("realpath: %s\n", realpath("/data/./f.txt", buf));
  printf("realpath link: %s\n", realpath("/data/link", buf));
  printf("realpath relative: %s\n", realpath("link", buf));
  // lstat: the link itself; stat follows it; a grant and a device answer
  // as stat; a name that leaves every grant does not exist.
  // CHECK-NEXT: lstat link: 0 lnk 1 stat reg 1
  {
    struct stat ls, ss;
    int lr = lstat("/data/link", &ls);
    stat("/data/link", &ss);
    printf("lstat link: %d lnk %d stat reg %d\n", lr, S_ISLNK(ls.st_mode),
           S_ISREG(ss.st_mode));
    // CHECK-NEXT: lstat grant: 0 dir 1 null chr 1
    int gr = lstat("/data", &ls);
    int gd = S_ISDIR(ls.st_mode);
    lstat("/dev/null", &ss);
    printf("lstat grant: %d dir %d null chr %d\n", gr, gd, S_ISCHR(ss.st_mode));
    // CHECK-NEXT: lstat out: -1 No such file or directory
    ERRNO("lstat out", lstat("/data/../host/link", &ls));
    // CHECK-NEXT: lstat missing: -1 No such file or directory
    ERRNO("lstat missing", lstat("/data/nothere", &ls));
    // a trailing slash follows the link, as natively (to a file: ENOTDIR)
    // CHECK-NEXT: lstat link/: -1 Not a directory
    ERRNO("lstat link/", lstat("/data/link/", &ls));
    // CHECK-NEXT: lstat link/.: -1 Not a directory
    ERRNO("lstat link/.", lstat("/data/link/.", &ls));
    // "name/" on a file names no directory: nothing is removed
    // CHECK-NEXT: unlink f.txt/: -1 Not a directory
    ERRNO("unlink f.txt/", unlink("/data/f.txt/"));
    // CHECK-NEXT: rename link/: -1 Not a directory
    ERRNO("rename link/", rename("/data/link/", "/data/link2"));
    // CHECK-NEXT: f.txt still there: 1
    printf("f.txt still there: %d\n", stat("/data/f.txt", &ss) == 0);
    // the sandbox's O_NOFOLLOW on a device opens it, as natively
    // CHECK-NEXT: dev/null nofollow: 1
    int nf = open("/dev/null", O_WRONLY | O_NOFOLLOW);
    printf("dev/null nofollow: %d\n", nf >= 0);
    close(nf);
  }
  // CHECK-NEXT: realpath out: 0 No such file or directory
  ERRNO("realpath out", realpath("/data/../host/f.txt", buf) != 0);
  struct rlimit rl;
  getrlimit(RLIMIT_NOFILE, &rl);
  // CHECK-NEXT: nofile: 256 256
  printf("nofile: %lld %lld\n", (long long)rl.rlim_cur, (long long)rl.rlim_max);
  rl.rlim_cur = rl.rlim_max = 100;
  // CHECK-NEXT: lower hard: 0 -
  ERRNO("lower hard", setrlimit(RLIMIT_NOFILE, &rl));
  rl.rlim_max = 200;
  // CHECK-NEXT: raise hard: -1 Operation not permitted
  ERRNO("raise hard", setrlimit(RLIMIT_NOFILE, &rl));
  getrlimit(RLIMIT_NOFILE, &rl);
  // CHECK-NEXT: nofile now: 100 100
  printf("nofile now: %lld %lld\n", (long long)rl.rlim_cur,
         (long long)rl.rlim_max);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  // CHECK-NEXT: maxrss > 0: 1
  printf("maxrss > 0: %d\n", ru.ru_maxrss > 0);
  // CHECK-NEXT: dev/null write: 5
  int nfd = open("/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  printf("dev/null write: %d\n", (int)write(nfd, "hello", 5));
  close(nfd);
  // CHECK-NEXT: dev/null read: 0
  nfd = open("/dev/null", O_RDONLY);
  printf("dev/null read: %d\n", (int)read(nfd, buf, sizeof buf));
  close(nfd);
  // The devices every process has: zero reads zeros and drops writes,
  // urandom reads randomness but cannot be written, nothing else of /dev.
  // CHECK-NEXT: dev/zero read: 8 zeros 1
  {
    unsigned char z[8];
    memset(z, 0xAA, sizeof z);
    int zfd = open("/dev/zero", O_RDWR);
    int zr = (int)read(zfd, z, sizeof z);
    printf("dev/zero read: %d zeros %d\n", zr,
           z[0] == 0 && z[7] == 0 && write(zfd, "x", 1) == 1);
    // CHECK-NEXT: dev/zero fchmod: -1 Operation not permitted
    ERRNO("dev/zero fchmod", fchmod(zfd, 0777));
    close(zfd);
    struct stat zs;
    // CHECK-NEXT: dev/zero stat: 0 chr 1
    int sr = stat("/dev/zero", &zs);
    printf("dev/zero stat: %d chr %d\n", sr, S_ISCHR(zs.st_mode));
  }
  // CHECK-NEXT: dev/urandom read: 16
  int ufd = open("/dev/urandom", O_RDONLY);
  printf("dev/urandom read: %d\n", (int)read(ufd, buf, 16));
  close(ufd);
  // CHECK-NEXT: dev/urandom write: -1 Permission denied
  ERRNO("dev/urandom write", open("/dev/urandom", O_WRONLY));
  // CHECK-NEXT: dev/random rw: -1 Permission denied
  ERRNO("dev/random rw", open("/dev/random", O_RDWR));
  // CHECK-NEXT: dev/full: -1 No such file or directory
  ERRNO("dev/full", open("/dev/full", O_RDONLY));
  // CHECK-NEXT: dev/zero/: -1 No such file or directory
  ERRNO("dev/zero/", open("/dev/zero/", O_RDONLY));
  // CHECK-NEXT: dev/./zero: -1 No such file or directory
  ERRNO("dev/./zero", open("/dev/./zero", O_RDONLY));
  // CHECK-NEXT: dev/null/x: -1 No such file or directory
  ERRNO("dev/null/x", open("/dev/null/x", O_RDONLY));
  // CHECK-NEXT: priority: 0
  printf("priority: %d\n", getpriority(PRIO_PROCESS, 0));
  // CHECK-NEXT: realtime: -1 Permission denied
  ERRNO("realtime", setpriority(PRIO_PROCESS, 0, -20));
  // CHECK-NEXT: nicer: 0 -
  ERRNO("nicer", setpriority(PRIO_PROCESS, 0, 5));
  // CHECK-NEXT: priority now: 5
  printf("priority now: %d\n", getpriority(PRIO_PROCESS, 0));
  // CHECK-NEXT: back: -1 Permission denied
  ERRNO("back", setpriority(PRIO_PROCESS, 0, 0));
  // CHECK-NEXT: other process: -1 No such process
  ERRNO("other process", setpriority(PRIO_PROCESS, 4242, 10));
  // CHECK-NEXT: bad which: -1 Invalid argument
  ERRNO("bad which", getpriority(99, 0));
  // CHECK-NEXT: done
  printf("done\n");
  return 0;
}
