/* timeit.c: runs one benchmark command with stdout sent to a file and
 * prints "wall_s user_s sys_s maxrss_kb status" for the runner (run.sh).
 * Usage: timeit OUTFILE CMD [ARGS...]; status is the exit code, or 128+sig.
 * TIMEIT_LIMIT=SECONDS kills a command that runs longer (status 137), so a
 * hung build cannot stall the whole suite. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile pid_t child;
static void on_alarm(int sig) {
  (void)sig;
  if (child > 0)
    kill(child, SIGKILL);
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: timeit OUTFILE CMD [ARGS...]\n");
    return 2;
  }
  int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) {
    perror(argv[1]);
    return 2;
  }
  double t0 = now();
  pid_t pid = fork();
  if (pid < 0) {
    perror("fork");
    return 2;
  }
  if (pid == 0) {
    dup2(fd, 1);
    close(fd);
    execvp(argv[2], argv + 2);
    perror(argv[2]);
    _exit(127);
  }
  close(fd);
  child = pid;
  const char *lim = getenv("TIMEIT_LIMIT");
  if (lim && atoi(lim) > 0) {
    signal(SIGALRM, on_alarm);
    alarm((unsigned)atoi(lim));
  }
  int st;
  struct rusage ru;
  while (wait4(pid, &st, 0, &ru) < 0) {
    if (errno == EINTR)
      continue;
    perror("wait4");
    return 2;
  }
  double wall = now() - t0;
  int status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  printf("%.6f %.6f %.6f %ld %d\n", wall,
         (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6,
         (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6,
         ru.ru_maxrss, status);
  return 0;
}
