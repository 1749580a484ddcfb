// pipe-poll.c: pipes, dup/dup2, poll, select, sleeps and alarm in a sandbox
// (issue 14: xz's own program needs poll, alarm and a self-pipe). A pipe is
// a channel to itself; a dup of the host's stdout is still the host's
// (fchmod/ftruncate refused), and so is /dev/null; descriptors that are not
// the sandbox's answer EBADF/POLLNVAL; an alarm is delivered at the next
// system-interface call and ends a wait with EINTR; waits end at the
// instance's time limit; "physical memory" is the instance's memory limit.
// RUN: sfi-cc -O2 %s -o %t.so
// RUN: sfi-run --mem-limit 64M %t.so > %t.out; FileCheck %s < %t.out
// RUN: sfi-run --time-limit 0.5 %t.so block 2> %t.err; test $? -eq 124
// RUN: FileCheck %s --check-prefix=BLOCK < %t.err
// RUN: sfi-run --time-limit 0.5 %t.so pause 2> %t.err2; test $? -eq 124
// BLOCK: sfi-run: trap: {{.*}}time limit
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile int alarms;
static void on_alarm(int s) { alarms += s == SIGALRM; }

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

#define R(what, expr)                                                          \
  do {                                                                         \
    errno = 0;                                                                 \
    long r_ = (long)(expr);                                                    \
    printf("%s: %ld %s\n", what, r_, r_ < 0 ? strerror(errno) : "-");         \
  } while (0)

int main(int argc, char **argv) {
  int p[2];
  if (argc > 1 && !strcmp(argv[1], "block")) {
    pipe(p); /* nobody will ever write: only the time limit ends this */
    struct pollfd f = {p[0], POLLIN, 0};
    poll(&f, 1, -1);
    printf("poll returned\n");
    return 0;
  }
  if (argc > 1 && !strcmp(argv[1], "pause")) {
    pause();
    return 0;
  }
  setvbuf(stdout, 0, _IOLBF, 0);
  // CHECK: pipe: 0 -
  R("pipe", pipe(p));
  // CHECK-NEXT: fds: 3 4
  printf("fds: %d %d\n", p[0], p[1]);
  struct pollfd f[3] = {{p[0], POLLIN, 0}, {p[1], POLLOUT, 0}, {77, POLLIN, 0}};
  // CHECK-NEXT: poll empty: 2 -
  // CHECK-NEXT: in=0 out=4 bad=32
  R("poll empty", poll(f, 3, 0));
  printf("in=%d out=%d bad=%d\n", f[0].revents, f[1].revents, f[2].revents);
  // CHECK-NEXT: write: 5 -
  R("write", write(p[1], "hello", 5));
  f[2].fd = -1;
  // CHECK-NEXT: poll full: 2 -
  R("poll full", poll(f, 3, 1000));
  char buf[16] = {0};
  // CHECK-NEXT: read: 5 -
  // CHECK-NEXT: hello
  R("read", read(p[0], buf, sizeof buf));
  printf("%s\n", buf);
  // CHECK-NEXT: poll timeout: 0 -
  // CHECK-NEXT: waited
  double t0 = now();
  R("poll timeout", poll(f, 1, 100));
  printf("%s\n", now() - t0 >= 0.09 ? "waited" : "did not wait");

  // dup and dup2 across the pipe
  int d = dup(p[1]);
  // CHECK-NEXT: dup: 5
  printf("dup: %d\n", d);
  // CHECK-NEXT: write dup: 3 -
  R("write dup", write(d, "abc", 3));
  // CHECK-NEXT: dup2: 9 -
  R("dup2", dup2(p[1], 9));
  // CHECK-NEXT: write dup2: 2 -
  R("write dup2", write(9, "de", 2));
  // CHECK-NEXT: F_DUPFD: 20 -
  R("F_DUPFD", fcntl(p[0], F_DUPFD, 20));
  // CHECK-NEXT: read via dup: 5 -
  // CHECK-NEXT: abcde
  memset(buf, 0, sizeof buf);
  R("read via dup", read(20, buf, sizeof buf));
  printf("%s\n", buf);
  // CHECK-NEXT: dup bad: -1 Bad file descriptor
  R("dup bad", dup(99));
  // CHECK-NEXT: dup2 out of range: -1 Bad file descriptor
  R("dup2 out of range", dup2(p[0], 100000));
  // CHECK-NEXT: dup2 negative: -1 Bad file descriptor
  R("dup2 negative", dup2(p[0], -1));

  // A copy of the host's stdout is still the host's: no size or mode
  // changes; nor of the host's /dev/null; nor of a pipe.
  int o = dup(1);
  // CHECK-NEXT: fchmod dup stdout: -1 Operation not permitted
  R("fchmod dup stdout", fchmod(o, 0));
  // CHECK-NEXT: ftruncate dup stdout: -1 Operation not permitted
  R("ftruncate dup stdout", ftruncate(o, 0));
  int n = open("/dev/null", O_WRONLY);
  // CHECK-NEXT: fchmod /dev/null: -1 Operation not permitted
  R("fchmod /dev/null", fchmod(n, 0));
  // CHECK-NEXT: fchmod pipe: -1 Operation not permitted
  R("fchmod pipe", fchmod(p[0], 0));
  // dup2 onto stdout redirects the program's own stdout
  fflush(stdout);
  int saved = dup(1);
  dup2(p[1], 1);
  R("into pipe", 0);
  fflush(stdout);
  dup2(saved, 1);
  memset(buf, 0, sizeof buf);
  read(p[0], buf, sizeof buf - 1);
  // CHECK-NEXT: redirected: [into pipe: 0{{$}}
  printf("redirected: [%.12s\n", buf);

  // select over the pipe
  fd_set rs, ws;
  FD_ZERO(&rs);
  FD_ZERO(&ws);
  FD_SET(p[0], &rs);
  FD_SET(p[1], &ws);
  struct timeval tv = {0, 0};
  // CHECK-NEXT: select: 1 -
  // CHECK-NEXT: r=0 w=1
  R("select", select(p[1] + 1, &rs, &ws, 0, &tv));
  printf("r=%d w=%d\n", FD_ISSET(p[0], &rs), FD_ISSET(p[1], &ws));
  FD_ZERO(&rs);
  FD_SET(60, &rs);
  // CHECK-NEXT: select bad: -1 Bad file descriptor
  R("select bad", select(61, &rs, 0, 0, &tv));

  // sleeping waits in the host (CPU time stays low)
  t0 = now();
  clock_t c0 = clock();
  usleep(200000);
  double cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
  // CHECK-NEXT: usleep: slept, cpu low
  printf("usleep: %s, cpu %s\n", now() - t0 >= 0.19 ? "slept" : "short",
         cpu < 0.1 ? "low" : "high");

  // alarm: delivered at the next system-interface call; ends a wait
  signal(SIGALRM, on_alarm);
  // CHECK-NEXT: alarm: 0
  printf("alarm: %u\n", alarm(1));
  // CHECK-NEXT: alarm again: 1
  printf("alarm again: %u\n", alarm(1));
  struct pollfd one = {p[0], POLLIN, 0};
  t0 = now();
  // CHECK-NEXT: poll interrupted: -1 Interrupted system call
  R("poll interrupted", poll(&one, 1, 5000));
  // CHECK-NEXT: alarms: 1 after about 1 s
  printf("alarms: %d after %s\n", alarms,
         now() - t0 > 0.8 && now() - t0 < 3 ? "about 1 s" : "wrong time");
  struct itimerval iv = {{0, 50000}, {0, 50000}};
  setitimer(ITIMER_REAL, &iv, 0);
  struct timespec ts = {0, 300000000};
  while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
    ;
  iv = (struct itimerval){{0, 0}, {0, 0}};
  setitimer(ITIMER_REAL, &iv, 0);
  // CHECK-NEXT: interval alarms: several
  printf("interval alarms: %s\n", alarms >= 4 ? "several" : "too few");

  // physical memory is the instance's memory limit (64 MiB here)
  long pages = sysconf(_SC_PHYS_PAGES), avail = sysconf(_SC_AVPHYS_PAGES);
  // CHECK-NEXT: phys: within 64M, avail <= phys
  printf("phys: %s, avail %s\n",
         pages > 0 && pages <= 64 * 256 ? "within 64M" : "wrong",
         avail > 0 && avail <= pages ? "<= phys" : "wrong");
  // CHECK-NEXT: close: 0 -
  R("close", close(p[0]));
  // A pipe without a reader: EPIPE for the sandbox, and no SIGPIPE for the
  // host (its default action would kill sfi-run or the embedding host).
  close(20); /* the F_DUPFD copy: now no reader is left */
  // CHECK-NEXT: write no reader: -1 Broken pipe
  R("write no reader", write(p[1], "x", 1));
  // CHECK-NEXT: write no reader again: -1 Broken pipe
  R("write no reader again", write(p[1], "y", 1));
  // CHECK-NEXT: poll closed: 1 -
  // CHECK-NEXT: nval=32
  f[0].fd = p[0];
  f[0].events = POLLIN;
  R("poll closed", poll(f, 1, 0));
  printf("nval=%d\n", f[0].revents);
  return 0;
}
