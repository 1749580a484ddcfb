/* memstream.c: fmemopen (read, write, append, own buffer) and
 * open_memstream (growth, flush publishing, seeking), compared with glibc. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char text[] = "12 apples\n7 pears\nend";
  FILE *f = fmemopen(text, strlen(text), "r");
  int n;
  char word[16];
  while (fscanf(f, "%d %15s", &n, word) == 2)
    printf("read %d %s\n", n, word);
  printf("feof %d ftell %ld\n", feof(f), ftell(f));
  rewind(f);
  char line[32];
  printf("fgets [%s]\n", fgets(line, sizeof line, f) ? line : "(null)");
  fclose(f);

  char out[16];
  memset(out, 'X', sizeof out);
  f = fmemopen(out, sizeof out, "w");
  fprintf(f, "%d-%s", 42, "abc");
  fflush(f);
  printf("w: [%s] ftell %ld\n", out, ftell(f));
  fprintf(f, "0123456789ABCDEF");
  fclose(f);
  printf("w full: [%.16s]\n", out);

  char ap[32] = "start";
  f = fmemopen(ap, sizeof ap, "a");
  fputs("+more", f);
  fclose(f);
  printf("a: [%s]\n", ap);

  f = fmemopen(0, 64, "w+");
  fputs("scratch data", f);
  rewind(f);
  printf("own buffer: [%s]\n", fgets(line, sizeof line, f));
  fclose(f);

  char *buf = 0;
  size_t size = 0;
  f = open_memstream(&buf, &size);
  for (int i = 0; i < 1000; i++)
    fprintf(f, "%d,", i);
  fflush(f);
  printf("memstream size %zu len %zu head [%.20s] tail [%s]\n", size,
         strlen(buf), buf, buf + size - 8);
  fseek(f, 5, SEEK_SET);
  fputs("##", f);
  fflush(f);
  printf("after seek size %zu [%.12s]\n", size, buf);
  fseek(f, 0, SEEK_END);
  fputs("!", f);
  fclose(f);
  printf("closed size %zu last [%s]\n", size, buf + size - 5);
  free(buf);
  return 0;
}
