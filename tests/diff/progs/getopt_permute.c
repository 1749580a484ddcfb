/* getopt_permute.c: getopt_long over operands mixed with options, in the
 * three orderings (permute, "+" for POSIX order, "-" for operands as
 * option 1), with "--" and a missing argument; argv after the scan. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <unistd.h>
static void run(int argc, char **argv, const char *opts) {
  int c;
  optind = 0;
  static struct option lo[] = {{"long", required_argument, 0, 'L'},
                               {"flag", no_argument, 0, 'F'},
                               {0, 0, 0, 0}};
  printf("[%s]", opts);
  while ((c = getopt_long(argc, argv, opts, lo, 0)) != -1)
    printf(" %c%s%s", c == 1 ? '1' : c, optarg ? "=" : "",
           optarg ? optarg : "");
  printf(" | optind %d:", optind);
  for (int i = 0; i < argc; i++)
    printf(" %s", argv[i]);
  printf("\n");
}
int main(void) {
  char *a1[] = {"p", "in1", "-a", "in2", "-b", "val", "--long",
                "x", "in3", "-c", "--",  "-a", "in4", 0};
  char *a2[] = {"p", "in1", "-ab", "x", "in2", "--flag", "--long=y", 0};
  char *a3[] = {"p", "-a", "in1", "-b", 0};
  const char *opts[] = {"ab:c", "+ab:c", "-ab:c"};
  for (int o = 0; o < 3; o++) {
    char *c1[14], *c2[8], *c3[5];
    for (int i = 0; i < 14; i++)
      c1[i] = a1[i];
    for (int i = 0; i < 8; i++)
      c2[i] = a2[i];
    for (int i = 0; i < 5; i++)
      c3[i] = a3[i];
    run(13, c1, opts[o]);
    run(7, c2, opts[o]);
    run(4, c3, opts[o]);
  }
  return 0;
}
