/* timefmt.c: calendar conversion and formatting: gmtime/timegm/mktime
 * (the test runs with TZ=UTC natively, the sandbox's only zone),
 * strftime with every C-locale conversion, asctime/ctime, difftime. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static uint64_t st = 12345;
static uint64_t rnd(void) {
  st = st * 6364136223846793005ull + 1442695040888963407ull;
  return st >> 11;
}

int main(void) {
  static const char *const fmts[] = {"%a %A %b %B %h",
                                     "%c",
                                     "%C %y %Y %G %g",
                                     "%d %e %j %m",
                                     "%D %F %T",
                                     "%H %I %k %l %M %S %p %P",
                                     "%r %R",
                                     "%u %w %U %W %V",
                                     "%x %X",
                                     "%z %Z",
                                     "%s",
                                     "%% %n %t|",
                                     "%Ey %OH %Ec"};
  time_t ts[64];
  int n = 0;
  static const long long fixed[] = {0,
                                    1,
                                    -1,
                                    86399,
                                    86400,
                                    951782400,
                                    951868800,
                                    978307199,
                                    1234567890,
                                    2147483647,
                                    -2147483648LL,
                                    4102444800LL,
                                    253402300799LL,
                                    -62135596800LL,
                                    1704067200,
                                    1735689599,
                                    1609459200,
                                    1293840000};
  for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
    ts[n++] = (time_t)fixed[i];
  while (n < 64)
    ts[n++] = (time_t)(rnd() % 8000000000ull) - 2000000000;
  for (int i = 0; i < n; i++) {
    struct tm tm, *p = gmtime_r(&ts[i], &tm);
    if (!p) {
      printf("%lld: gmtime failed\n", (long long)ts[i]);
      continue;
    }
    printf("%lld: %d-%d-%d %d:%d:%d wday %d yday %d\n", (long long)ts[i],
           tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
           tm.tm_wday, tm.tm_yday);
    for (size_t f = 0; f < sizeof fmts / sizeof *fmts; f++) {
      char b[256];
      size_t r = strftime(b, sizeof b, fmts[f], &tm);
      printf("  [%s] -> %zu [%s]\n", fmts[f], r, b);
    }
    printf("  asctime %s", asctime(&tm));
    struct tm copy = tm;
    time_t back = mktime(&copy);
    printf("  mktime %lld %s\n", (long long)back,
           back == ts[i] ? "same" : "DIFFERENT");
  }
  /* Normalization of out-of-range fields. */
  struct tm t = {0};
  t.tm_year = 100;
  t.tm_mon = 13;
  t.tm_mday = 35;
  t.tm_hour = 25;
  t.tm_min = -10;
  t.tm_sec = 3700;
  time_t x = mktime(&t);
  printf("normalized %lld -> %d-%d-%d %d:%d:%d wday %d yday %d\n", (long long)x,
         t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec,
         t.tm_wday, t.tm_yday);
  char small[5];
  printf("strftime too small: %zu\n",
         strftime(small, sizeof small, "%Y-%m-%d", &t));
  time_t z = 1000000000;
  printf("ctime %s", ctime(&z));
  printf("localtime hour %d\n", localtime(&z)->tm_hour);
  printf("difftime %g\n", difftime((time_t)10, (time_t)3));
  time_t now = time(0);
  printf("time sane %d\n", now > 1600000000);
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("monotonic %d\n", b.tv_sec > a.tv_sec || (b.tv_sec == a.tv_sec &&
                                                   b.tv_nsec >= a.tv_nsec));
  printf("clock %d\n", clock() >= 0);
  return 0;
}
