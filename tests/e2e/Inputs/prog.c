/* prog.c: a program run directly (./prog) after sfi-cc linked it: writes a
 * file in the working directory and one in /tmp, tries a path outside its
 * grants, echoes its arguments and one environment variable. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  FILE *f = fopen("out.txt", "w");
  if (f) {
    fprintf(f, "written by %d args\n", argc);
    fclose(f);
  }
  FILE *t = fopen("/tmp/scratch", "w");
  printf("tmp %s\n", t ? "writable" : "missing");
  if (t)
    fclose(t);
  FILE *e = fopen("/etc/hostname", "r");
  printf("etc %s\n", e ? "OPEN" : "denied");
  for (int i = 1; i < argc; i++)
    printf("arg %s\n", argv[i]);
  const char *v = getenv("SFI_TEST_VAR");
  printf("env %s\n", v ? v : "(unset)");
  return 7;
}
