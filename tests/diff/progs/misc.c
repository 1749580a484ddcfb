/* misc.c: rand/srand (glibc's sequence), ctype over all bytes, wide
 * characters, environment, atexit order, div/abs, integer parsing, the C
 * locale and errno texts. */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static void bye1(void) { printf("atexit 1\n"); }
static void bye2(void) { printf("atexit 2\n"); }

int main(void) {
  atexit(bye1);
  atexit(bye2);
  printf("rand:");
  for (int i = 0; i < 8; i++)
    printf(" %d", rand());
  srand(12345);
  printf("\nsrand(12345):");
  for (int i = 0; i < 8; i++)
    printf(" %d", rand());
  srand(0);
  printf("\nsrand(0): %d %d\n", rand(), rand());
  srandom(99);
  printf("random: %ld %ld\n", random(), random());
  unsigned seed = 5;
  printf("rand_r: %d %d\n", rand_r(&seed), rand_r(&seed));
  srand48(7);
  printf("drand48 %.17g lrand48 %ld mrand48 %ld\n", drand48(), lrand48(),
         mrand48());
  for (int c = -1; c < 256; c++) {
    int m = !!isalpha(c) | !!isdigit(c) << 1 | !!isspace(c) << 2 |
            !!ispunct(c) << 3 | !!isupper(c) << 4 | !!islower(c) << 5 |
            !!isxdigit(c) << 6 | !!iscntrl(c) << 7 | !!isprint(c) << 8 |
            !!isgraph(c) << 9 | !!isalnum(c) << 10 | !!isblank(c) << 11;
    printf("%x%s", m, c % 32 == 31 ? "\n" : ",");
    if (tolower(c) != c || toupper(c) != c)
      printf("(%c%c)", tolower(c), toupper(c));
  }
  printf("\n");
  printf("C.UTF-8 %s\n",
         setlocale(LC_CTYPE, "C.UTF-8") ? "available" : "missing");
  const char *u = "h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80!";
  wchar_t w[32];
  size_t n = mbstowcs(w, u, 32);
  printf("mbstowcs %zd:", (ssize_t)n);
  for (size_t i = 0; n != (size_t)-1 && i < n; i++)
    printf(" %x", (unsigned)w[i]);
  char back[64];
  printf("\nwcstombs %zu %s\n", wcstombs(back, w, sizeof back),
         strcmp(back, u) ? "differs" : "same");
  mbstate_t ms = {0};
  wchar_t wc;
  printf("mbrtowc partial %zd then %zd -> %x\n",
         (ssize_t)mbrtowc(&wc, "\xe2\x82", 2, &ms),
         (ssize_t)mbrtowc(&wc, "\xac", 1, &ms), (unsigned)wc);
  printf("wcslen %zu wcscmp %d\n", wcslen(L"abc"), wcscmp(L"abc", L"abd") < 0);
  setenv("SFI_TEST_VAR", "one", 1);
  setenv("SFI_TEST_VAR", "two", 0);
  printf("env %s\n", getenv("SFI_TEST_VAR"));
  unsetenv("SFI_TEST_VAR");
  printf("env after unset %s\n", getenv("SFI_TEST_VAR") ? "set" : "unset");
  printf("HOME set %d\n", getenv("SFI_DIFF_MARK") != 0);
  div_t d = div(-7, 2);
  ldiv_t ld = ldiv(LONG_MIN + 1, 3);
  printf("div %d %d ldiv %ld %ld abs %d llabs %lld\n", d.quot, d.rem, ld.quot,
         ld.rem, abs(-5), llabs(LLONG_MIN + 1));
  static const char *const nums[] = {"0",
                                     "-0",
                                     "  42",
                                     "+17x",
                                     "0x1A",
                                     "012",
                                     "9223372036854775807",
                                     "9223372036854775808",
                                     "-9223372036854775809",
                                     "18446744073709551615",
                                     "18446744073709551616",
                                     "-1",
                                     "zz",
                                     "0x",
                                     "  -0x10"};
  for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
    char *e1, *e2;
    errno = 0;
    long v = strtol(nums[i], &e1, 0);
    int er1 = errno;
    errno = 0;
    unsigned long long uv = strtoull(nums[i], &e2, 0);
    int er2 = errno;
    printf("%-24s strtol %ld (%d, used %d) strtoull %llu (%d, used %d) base36 "
           "%ld\n",
           nums[i], v, er1, (int)(e1 - nums[i]), uv, er2, (int)(e2 - nums[i]),
           strtol(nums[i], 0, 36));
  }
  printf("strtoimax %jd atoll %lld atol %ld\n", strtoimax(" -99", 0, 10),
         atoll("123456789012"), atol("-5"));
  printf("locale %s\n", setlocale(LC_ALL, "C"));
  printf("locale query %s\n", setlocale(LC_ALL, 0));
  struct lconv *lc = localeconv();
  printf("decimal point [%s] thousands [%s]\n", lc->decimal_point,
         lc->thousands_sep);
  for (int e = 0; e < 40; e++)
    printf("%d %s\n", e, strerror(e));
  errno = ENOENT;
  perror("perror test");
  return 0;
}
