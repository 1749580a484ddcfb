/* denied.c: paths outside the granted directory must not open in the
 * sandbox. Run only sandboxed: prints one line per attempt; the test
 * expects every line to say "denied". argv[1] is the granted directory. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void try_open(const char *p) {
  errno = 0;
  int fd = open(p, O_RDONLY);
  printf("%s open %s (%s)\n", fd >= 0 ? "OPENED" : "denied", p,
         fd >= 0 ? "" : strerror(errno));
  if (fd >= 0)
    close(fd);
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
  return 0;
}
