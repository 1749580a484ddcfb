/* getopt.c: getopt_long over short groups, attached and separate
 * arguments, optional arguments, long options with = and flags, an unknown
 * option and "--"; plus qsort_r with a context. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
static int cmpr(const void *a, const void *b, void *c) {
  int x = *(const int *)a, y = *(const int *)b;
  return (*(int *)c) * ((x > y) - (x < y));
}
int main(int argc, char **argv) {
  int c;
  static int flag = 0;
  static struct option lo[] = {{"verbose", no_argument, 0, 'v'},
                               {"name", required_argument, 0, 'n'},
                               {"flag", no_argument, &flag, 7},
                               {0, 0, 0, 0}};
  int idx;
  while ((c = getopt_long(argc, argv, "ab:c::vn:", lo, &idx)) != -1)
    printf("opt %c (%d) arg %s ind %d\n", c > 0 ? c : '0', c,
           optarg ? optarg : "-", optind);
  for (; optind < argc; optind++)
    printf("rest %s\n", argv[optind]);
  int a[] = {5, 3, 9, 1};
  int dir = -1;
  qsort_r(a, 4, sizeof *a, cmpr, &dir);
  printf("%d %d %d %d %d\n", a[0], a[1], a[2], a[3], flag);
}
