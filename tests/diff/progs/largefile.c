/* largefile.c: open() with O_LARGEFILE, as zlib's gzopen and SQLite's unix
 * VFS call it, under a granted directory (argv[1]). The sandbox's headers
 * (musl) give O_LARGEFILE the kernel's value 0100000, glibc gives it 0; both
 * runs also pass the kernel value explicitly. Output must match glibc's. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef O_LARGEFILE
#define O_LARGEFILE 0
#endif
#define KERNEL_O_LARGEFILE 0100000

static char path[512];
static const char *P(const char *dir, const char *name) {
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return path;
}

static void report(const char *what, long r) {
  printf("%s: %ld%s%s\n", what, r, r < 0 ? " " : "",
         r < 0 ? strerror(errno) : "");
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  const char *d = argv[1];
  char buf[64];
  /* zlib gzopen(path, "wb") */
  int fd = open(P(d, "gz.bin"), O_WRONLY | O_CREAT | O_TRUNC | O_LARGEFILE,
                0666);
  report("gzopen-style open for writing", fd >= 0 ? 0 : -1);
  if (fd < 0)
    return 1;
  report("write", write(fd, "hello, large file\n", 18));
  report("close", close(fd));
  /* zlib gzopen(path, "rb") */
  fd = open(P(d, "gz.bin"), O_RDONLY | O_LARGEFILE);
  report("gzopen-style open for reading", fd >= 0 ? 0 : -1);
  long n = read(fd, buf, sizeof buf - 1);
  report("read", n);
  if (n > 0) {
    buf[n] = 0;
    printf("data: %s", buf);
  }
  close(fd);
  /* SQLite's robust_open: O_RDWR|O_CREAT|O_LARGEFILE|O_NOFOLLOW|O_CLOEXEC */
  fd = open(P(d, "db.sqlite"),
            O_RDWR | O_CREAT | O_LARGEFILE | O_NOFOLLOW | O_CLOEXEC, 0644);
  report("sqlite-style open", fd >= 0 ? 0 : -1);
  report("write", write(fd, "SQLite format 3", 16));
  report("lseek", lseek(fd, 0, SEEK_SET));
  n = read(fd, buf, 16);
  report("read", n);
  printf("header: %.15s\n", buf);
  close(fd);
  /* The kernel value itself, which musl's open() always adds. */
  fd = open(P(d, "gz.bin"), O_RDONLY | KERNEL_O_LARGEFILE);
  report("open with 0100000", fd >= 0 ? 0 : -1);
  close(fd);
  /* fopen must keep working, and unknown flags stay refused by neither. */
  FILE *f = fopen(P(d, "gz.bin"), "r");
  printf("fopen: %s\n", f ? "ok" : strerror(errno));
  if (f)
    fclose(f);
  report("unlink", unlink(P(d, "gz.bin")));
  report("unlink", unlink(P(d, "db.sqlite")));
  return 0;
}
