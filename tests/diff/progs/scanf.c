/* scanf.c: the scanf family's conversions, widths, suppression, scan
 * sets, %n and return values; output must equal glibc's. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

int main(void) {
  int a = -1, b = -1, c = -1, n = -1;
  unsigned u = 0;
  long l = 0;
  long long ll = 0;
  short h = 0;
  signed char hh = 0;
  double d = 0;
  float f = 0;
  long double ld = 0;
  char s1[64], s2[64], s3[64];
  void *p = 0;
#define SHOW(r) printf("line %d: r=%d\n", __LINE__, r)
  SHOW(sscanf("42 -17 0x1F", "%d %d %x", &a, &b, &c));
  printf("%d %d %d\n", a, b, c);
  SHOW(sscanf("  077 0x10 10", "%i %i %i", &a, &b, &c));
  printf("%d %d %d\n", a, b, c);
  SHOW(sscanf("12345", "%2d%3d", &a, &b));
  printf("%d %d\n", a, b);
  SHOW(sscanf("1 2 3", "%d %*d %d", &a, &b));
  printf("%d %d\n", a, b);
  SHOW(sscanf("abc def", "%s%n %s", s1, &n, s2));
  printf("%s %d %s\n", s1, n, s2);
  SHOW(sscanf("hello, world", "%[a-z], %[^\n]", s1, s2));
  printf("[%s][%s]\n", s1, s2);
  SHOW(sscanf("]]]abc", "%[]]%s", s1, s2));
  printf("[%s][%s]\n", s1, s2);
  SHOW(sscanf("abcdefgh", "%3c%2s", s1, s2));
  s1[3] = 0;
  printf("[%s][%s]\n", s1, s2);
  SHOW(sscanf("3.25 -1e-3 0x1.8p1 inf nan", "%lf %f %Lf %s %s", &d, &f, &ld, s1,
              s2));
  printf("%g %g %Lg %s %s\n", d, f, ld, s1, s2);
  SHOW(sscanf("1e400 -1e400 1e-400", "%lf %s %s", &d, s1, s2));
  printf("%g\n", d);
  SHOW(sscanf("infinity -INF NaN", "%lf %f %s", &d, &f, s1));
  printf("%g %g %s\n", d, f, s1);
  SHOW(sscanf("4294967295 9223372036854775807 -32768 200", "%u %lld %hd %hhd",
              &u, &ll, &h, &hh));
  printf("%u %lld %d %d\n", u, ll, h, hh);
  SHOW(sscanf("99999999999999999999", "%ld", &l));
  printf("%ld\n", l);
  SHOW(sscanf("0x7fff1234", "%p", &p));
  printf("%p\n", p);
  SHOW(sscanf("", "%d", &a));
  SHOW(sscanf("   ", "%d", &a));
  SHOW(sscanf("abc", "%d", &a));
  SHOW(sscanf("12abc", "%d%s", &a, s1));
  printf("%d %s\n", a, s1);
  SHOW(sscanf("100%", "%d%%", &a));
  SHOW(sscanf("x=5,y=6", "x=%d,y=%d", &a, &b));
  printf("%d %d\n", a, b);
  SHOW(sscanf("x=5;y=6", "x=%d,y=%d", &a, &b));
  SHOW(sscanf("-", "%d", &a));
  SHOW(sscanf("+12 -0 +0x1a", "%d %d %x", &a, &b, &c));
  printf("%d %d %d\n", a, b, c);
  SHOW(sscanf("1.5e+ 2", "%lf %s", &d, s3));
  printf("%g\n", d);
  SHOW(sscanf(".5 5. 1e5", "%lf %f %s", &d, &f, s1));
  printf("%g %g %s\n", d, f, s1);
  SHOW(sscanf("  tab\tnl\n end", "%s %s %s", s1, s2, s3));
  printf("%s %s %s\n", s1, s2, s3);
  /* From stdin (the test feeds this program a fixed input). */
  char line[128];
  int total = 0, x;
  while (scanf("%d", &x) == 1)
    total += x;
  printf("sum %d\n", total);
  if (scanf("%127s", line) == 1)
    printf("word %s\n", line);
  SHOW(scanf("%d", &x));
  return 0;
}
