/* denied.c: paths outside the granted directory must not open in the
 * sandbox. Run only sandboxed: prints one line per attempt; the test
 * expects every line to say "denied". argv[1] is the granted directory. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <utime.h>
#include <stdlib.h>
#include <unistd.h>

static void try_open(const char *p) {
  errno = 0;
  int fd = open(p, O_RDONLY);
  printf("%s open %s (%s)\n", fd >= 0 ? "OPENED" : "denied", p,
         fd >= 0 ? "" : strerror(errno));
  if (fd >= 0)
    close(fd);
}

/* The calls added for issue 14 (size, mode, owner, times, realpath,
 * positioned I/O, mmap of a file) against a file outside the grant (o),
 * reached by absolute path, "..", a symlink to it (grant/sec), a symlink to
 * its directory (grant/out), and through descriptors the sandbox does not
 * own (stdio) or does not have. denied.sh checks the file afterwards. */
static void say(int ok, const char *what, const char *p) {
  int e = errno;
  printf("%s %s %s (%s)\n", ok ? "OPENED" : "denied", what, p,
         ok ? "" : strerror(e));
}
static void more(const char *g, const char *o) {
  char p[4][600], buf[700];
  struct timespec ts[2] = {{1, 0}, {1, 0}};
  struct timeval tv[2] = {{1, 0}, {1, 0}};
  snprintf(p[0], sizeof p[0], "%s", o);
  snprintf(p[1], sizeof p[1], "%s/../outside/secret", g);
  snprintf(p[2], sizeof p[2], "%s/sec", g);
  snprintf(p[3], sizeof p[3], "%s/out/secret", g);
  for (int i = 0; i < 4; i++) {
    errno = 0;
    say(chmod(p[i], 0666) == 0, "chmod", p[i]);
    say(truncate(p[i], 0) == 0, "truncate", p[i]);
    say(utimensat(AT_FDCWD, p[i], ts, 0) == 0, "utimensat", p[i]);
    say(utimes(p[i], tv) == 0, "utimes", p[i]);
    say(utime(p[i], 0) == 0, "utime", p[i]);
    say(chown(p[i], 0, 0) == 0 && chown(p[i], 4242, 4242) == 0, "chown", p[i]);
    say(realpath(p[i], buf) != 0, "realpath", p[i]);
  }
  /* Without following the final symlink: the link itself is inside. The
   * outside file's times must stay as they are (checked by denied.sh). */
  utimensat(AT_FDCWD, p[2], ts, AT_SYMLINK_NOFOLLOW);
  /* Descriptors: the host's stdout is not the sandbox's to resize or
   * re-mode; 77 and -1 are no descriptors at all. */
  int fds[] = {1, 2, 77, -1};
  for (int i = 0; i < 4; i++) {
    char what[32];
    snprintf(what, sizeof what, "fd %d", fds[i]);
    errno = 0;
    say(ftruncate(fds[i], 0) == 0, "ftruncate", what);
    say(fchmod(fds[i], 0666) == 0, "fchmod", what);
    say(futimens(fds[i], ts) == 0, "futimens", what);
    if (fds[i] > 2 || fds[i] < 0) {
      say(pread(fds[i], buf, 1, 0) >= 0, "pread", what);
      say(pwrite(fds[i], "x", 1, 0) >= 0, "pwrite", what);
      say(fsync(fds[i]) == 0, "fsync", what);
      say(mmap(0, 4096, PROT_READ, MAP_PRIVATE, fds[i], 0) != MAP_FAILED,
          "mmap", what);
    }
  }
}

int main(int argc, char **argv) {
  char p[600];
  const char *g = argc > 1 ? argv[1] : ".";
  try_open("/etc/passwd");
  try_open("/proc/self/maps");
  snprintf(p, sizeof p, "%s/../../../../etc/passwd", g);
  try_open(p);
  snprintf(p, sizeof p, "%s/escape/passwd", g); /* a symlink to /etc */
  try_open(p);
  snprintf(p, sizeof p, "%s/..", g);
  try_open(p);
  try_open("../etc/passwd");
  errno = 0;
  FILE *f = fopen("/tmp/sfi-denied-probe", "w");
  printf("%s fopen /tmp/sfi-denied-probe for writing (%s)\n",
         f ? "OPENED" : "denied", f ? "" : strerror(errno));
  struct stat st;
  printf("%s stat /etc/passwd\n",
         stat("/etc/passwd", &st) == 0 ? "OPENED" : "denied");
  printf("%s mkdir /tmp/sfi-denied-dir\n",
         mkdir("/tmp/sfi-denied-dir", 0700) == 0 ? "OPENED" : "denied");
  printf("%s opendir /\n", opendir("/") ? "OPENED" : "denied");
  printf("%s unlink /etc/hostname\n",
         unlink("/etc/hostname") == 0 ? "OPENED" : "denied");
  if (argc > 2)
    more(g, argv[2]);
  return 0;
}
