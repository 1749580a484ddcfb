/* fileio.c: file I/O under a granted directory (argv[1]): create, write,
 * read back, seek, append, ungetc, line reading, rename, remove, stat,
 * mkdir/rmdir and directory listing. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char path[512];
static const char *P(const char *dir, const char *name) {
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return path;
}

static int cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: fileio DIR\n");
    return 2;
  }
  const char *d = argv[1];
  FILE *f = fopen(P(d, "a.txt"), "w");
  if (!f) {
    printf("fopen w failed: %s\n", strerror(errno));
    return 1;
  }
  for (int i = 0; i < 1000; i++)
    fprintf(f, "line %d %g\n", i, i / 7.0);
  printf("ftell after write %ld\n", ftell(f));
  printf("fclose %d\n", fclose(f));

  f = fopen(P(d, "a.txt"), "r");
  char line[128];
  int n = 0;
  long sum = 0;
  while (fgets(line, sizeof line, f)) {
    n++;
    sum += (long)strlen(line);
  }
  printf("lines %d bytes %ld feof %d ferror %d\n", n, sum, feof(f), ferror(f));
  rewind(f);
  int c = fgetc(f);
  ungetc('X', f);
  printf("fgetc %c then ungetc -> %c\n", c, fgetc(f));
  fseek(f, -20, SEEK_END);
  printf("tail at %ld: ", ftell(f));
  while ((c = fgetc(f)) != EOF)
    putchar(c == '\n' ? '|' : c);
  putchar('\n');
  fseek(f, 100, SEEK_SET);
  char buf[32] = {0};
  size_t r = fread(buf, 1, 31, f);
  printf("fread %zu [%s] pos %ld\n", r, strchr(buf, '\n') ? "has nl" : buf,
         ftell(f));
  int i1;
  double g1;
  fseek(f, 0, SEEK_SET);
  printf("fscanf %d", fscanf(f, "line %d %lf", &i1, &g1));
  printf(" -> %d %g\n", i1, g1);
  fclose(f);

  f = fopen(P(d, "a.txt"), "a+");
  fputs("appended\n", f);
  fseek(f, 0, SEEK_SET);
  fgets(line, sizeof line, f);
  printf("a+ first line: %s", line);
  fclose(f);

  /* Binary data, big blocks, r+ overwrite in the middle. */
  f = fopen(P(d, "b.bin"), "wb+");
  static unsigned char big[100000];
  for (size_t i = 0; i < sizeof big; i++)
    big[i] = (unsigned char)(i * 7 + i / 251);
  printf("fwrite %zu\n", fwrite(big, 1, sizeof big, f));
  fseek(f, 5000, SEEK_SET);
  fwrite("HELLO", 1, 5, f);
  fflush(f);
  fseek(f, 4998, SEEK_SET);
  fread(buf, 1, 9, f);
  printf("r+ patch: %02x %02x %.5s %02x %02x\n", (unsigned char)buf[0],
         (unsigned char)buf[1], buf + 2, (unsigned char)buf[7],
         (unsigned char)buf[8]);
  rewind(f);
  static unsigned char back[100000];
  printf("fread big %zu\n", fread(back, 1, sizeof back, f));
  big[5000] = 'H', big[5001] = 'E', big[5002] = 'L', big[5003] = 'L',
  big[5004] = 'O';
  printf("big equal %d\n", !memcmp(big, back, sizeof big));
  fclose(f);

  struct stat st;
  printf("stat %d size %lld isreg %d\n", stat(P(d, "b.bin"), &st),
         (long long)st.st_size, S_ISREG(st.st_mode));
  printf("rename %d\n", rename(P(d, "b.bin"), P(d, "c.bin")));
  errno = 0;
  printf("open old name: %s\n",
         fopen(P(d, "b.bin"), "r") ? "ok" : strerror(errno));
  printf("mkdir %d\n", mkdir(P(d, "sub"), 0755));
  errno = 0;
  printf("mkdir again %d %s\n", mkdir(P(d, "sub"), 0755), strerror(errno));
  int fd = open(P(d, "sub/raw"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  printf("write %zd\n", write(fd, "raw bytes\n", 10));
  close(fd);
  fd = open(P(d, "sub/raw"), O_RDONLY);
  char rb[32] = {0};
  printf("read %zd [%.9s] lseek %ld\n", read(fd, rb, sizeof rb), rb,
         (long)lseek(fd, 0, SEEK_CUR));
  close(fd);

  DIR *dir = opendir(d);
  char *names[32];
  int nn = 0;
  struct dirent *e;
  while (dir && (e = readdir(dir)) && nn < 32)
    names[nn++] = strdup(e->d_name);
  if (dir)
    closedir(dir);
  qsort(names, (size_t)nn, sizeof *names, cmp);
  printf("dir:");
  for (int i = 0; i < nn; i++)
    printf(" %s", names[i]);
  printf("\n");
  printf("remove file %d\n", remove(P(d, "sub/raw")));
  printf("remove dir %d\n", remove(P(d, "sub")));
  printf("unlink %d %d\n", unlink(P(d, "a.txt")), unlink(P(d, "c.bin")));
  errno = 0;
  printf("unlink missing %d %s\n", unlink(P(d, "nope")), strerror(errno));
  printf("access %d\n", access(P(d, "nope"), F_OK));
  return 0;
}
