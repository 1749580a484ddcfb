/* stdio.c: stream behaviour on stdin (fed a fixed file by the test) and
 * stdout: getline, fgets at buffer boundaries, ungetc, fread after line
 * reads, mixed putchar/printf/fwrite/puts, setvbuf modes, EOF stickiness,
 * and stdio on memory-unrelated edge cases (zero-size fread/fwrite). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *line = 0;
  size_t cap = 0;
  ssize_t n;
  int lines = 0;
  long total = 0;
  /* The first 5 lines with getline. */
  while (lines < 5 && (n = getline(&line, &cap, stdin)) > 0) {
    lines++;
    total += n;
    printf("getline %zd: %.*s|\n", n, (int)(n > 40 ? 40 : n), line);
  }
  /* A small fgets buffer splits long lines. */
  char small[7];
  for (int i = 0; i < 6 && fgets(small, sizeof small, stdin); i++)
    printf("fgets [%s]\n", small);
  int c = getchar();
  printf("getchar %d ungetc %d getchar %d\n", c, ungetc('Z', stdin), getchar());
  ungetc(c, stdin);
  char block[100];
  size_t r = fread(block, 1, sizeof block, stdin);
  printf("fread %zu first [%.10s]\n", r, block);
  printf("fread 0-size %zu %zu\n", fread(block, 0, 5, stdin),
         fwrite(block, 5, 0, stdout));
  /* Read the rest byte by byte, counting. */
  long rest = 0, nl = 0;
  while ((c = fgetc(stdin)) != EOF) {
    rest++;
    nl += c == '\n';
  }
  printf("rest %ld bytes %ld lines feof %d ferror %d\n", rest, nl, feof(stdin),
         ferror(stdin));
  printf("after EOF getchar %d, clearerr then %d\n", getchar(),
         (clearerr(stdin), feof(stdin)));
  free(line);
  /* Output mixing on stdout. */
  putchar('a');
  fputs("bc", stdout);
  fwrite("def\n", 1, 4, stdout);
  puts("puts line");
  printf("%s %d\n", "printf", 42);
  fprintf(stdout, "%c%c\n", 'x', 'y');
  fflush(stdout);
  setvbuf(stdout, 0, _IONBF, 0);
  printf("unbuffered %d\n", 1);
  setvbuf(stdout, 0, _IOLBF, 0);
  printf("line buffered ");
  printf("%d\n", 2);
  static char mybuf[300];
  setvbuf(stdout, mybuf, _IOFBF, sizeof mybuf);
  for (int i = 0; i < 100; i++)
    printf("%d%c", i, i % 20 == 19 ? '\n' : ' ');
  /* A long single write bigger than any buffer. */
  char *big = malloc(20000);
  memset(big, 'q', 19999);
  big[19999] = '\n';
  printf("%d\n", (int)fwrite(big, 1, 20000, stdout));
  free(big);
  fprintf(stderr, "stderr is not compared\n");
  printf("%d lines %ld bytes in getline\n", lines, total);
  return 0;
}
