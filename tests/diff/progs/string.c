/* string.c: string.h over random inputs at every alignment and length,
 * checked against byte-by-byte reference versions; prints a summary. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static uint64_t st = 0x0123456789abcdefull;
static unsigned rnd(void) {
  st ^= st << 13;
  st ^= st >> 7;
  st ^= st << 17;
  return (unsigned)st;
}
static int sign(int x) { return (x > 0) - (x < 0); }

static unsigned char A[4096 + 64], B[4096 + 64], C[4096 + 64];
static long fails;
#define EXPECT(c)                                                              \
  do {                                                                         \
    if (!(c) && fails++ < 20)                                                  \
      printf("fail line %d (iter %d)\n", __LINE__, it);                        \
  } while (0)

int main(void) {
  for (int it = 0; it < 20000; it++) {
    size_t n = rnd() % (it < 10000 ? 80 : 3000), oa = rnd() % 32,
           ob = rnd() % 32;
    unsigned char *a = A + oa, *b = B + ob;
    for (size_t i = 0; i < n + 32; i++)
      a[i] = (unsigned char)(rnd() % 4 ? 'a' + rnd() % 3 : rnd());
    /* memcpy / memmove / memset */
    memset(B, 0x55, sizeof B);
    memcpy(b, a, n);
    EXPECT(!memcmp(a, b, n) && b[n] == 0x55 && (ob == 0 || b[-1] == 0x55));
    memcpy(C, A, sizeof C);
    size_t shift = rnd() % 40;
    memmove(C + oa + shift, C + oa, n);
    EXPECT(!memcmp(C + oa + shift, A + oa, n));
    memcpy(C, A, sizeof C);
    memmove(C + oa, C + oa + shift, n);
    EXPECT(!memcmp(C + oa, A + oa + shift, n));
    int v = (int)(rnd() & 255);
    memset(b, v, n);
    size_t k = 0;
    while (k < n && b[k] == (unsigned char)v)
      k++;
    EXPECT(k == n && b[n] == 0x55);
    /* memcmp / memchr */
    memcpy(b, a, n);
    if (n) {
      size_t at = rnd() % n;
      b[at] ^= (unsigned char)(1 + rnd() % 255);
      int ref = a[at] - b[at];
      EXPECT(sign(memcmp(a, b, n)) == sign(ref));
      EXPECT(memcmp(a, b, at) == 0);
      unsigned char *q = memchr(a, a[at], n), *r = a;
      while (*r != a[at])
        r++;
      EXPECT(q == r);
    }
    EXPECT(memchr(a, 256 + 'z', 0) == 0);
    /* NUL-terminated */
    a[n] = 0;
    for (size_t i = 0; i < n; i++)
      if (!a[i])
        a[i] = 'q';
    size_t l = 0;
    while (a[l])
      l++;
    EXPECT(strlen((char *)a) == l);
    EXPECT(strnlen((char *)a, n / 2) == (n / 2 < l ? n / 2 : l));
    strcpy((char *)b, (char *)a);
    EXPECT(!strcmp((char *)a, (char *)b));
    if (l) {
      b[l - 1]++;
      EXPECT(strcmp((char *)a, (char *)b) < 0 || a[l - 1] == 0xff);
      EXPECT(strncmp((char *)a, (char *)b, l - 1) == 0);
      b[l - 1]--;
      int ch = a[rnd() % l];
      char *ref = (char *)a;
      while ((unsigned char)*ref != ch)
        ref++;
      EXPECT(strchr((char *)a, ch) == ref);
      char *last = 0;
      for (char *s = (char *)a; *s; s++)
        if ((unsigned char)*s == ch)
          last = s;
      EXPECT(strrchr((char *)a, ch) == last);
    }
    EXPECT(strchr((char *)a, 0) == (char *)a + l);
    EXPECT(strchr((char *)a, 'z' + 1) == 0 || memchr(a, 'z' + 1, l));
    strcpy((char *)b, "xy");
    strcat((char *)b, (char *)a);
    EXPECT(strlen((char *)b) == l + 2 && !strcmp((char *)b + 2, (char *)a));
    EXPECT(strspn((char *)a, "abc") <= l);
    size_t cs = strcspn((char *)a, "b");
    EXPECT(cs == (strchr((char *)a, 'b')
                      ? (size_t)(strchr((char *)a, 'b') - (char *)a)
                      : l));
    if (l > 3) {
      char needle[4];
      size_t at = rnd() % (l - 3);
      memcpy(needle, a + at, 3);
      needle[3] = 0;
      char *f = strstr((char *)a, needle);
      EXPECT(f && f <= (char *)a + at && !strncmp(f, needle, 3));
    }
  }
  printf("string checks: %ld failures\n", fails);
  char buf[64];
  printf("%s|%s|%s\n", strncpy(buf, "abc", 6), strndup("abcdef", 3),
         strdup("dup"));
  char tok[] = "  a,b;;c  d,";
  char *save, *t = strtok_r(tok, " ,;", &save);
  while (t) {
    printf("[%s]", t);
    t = strtok_r(0, " ,;", &save);
  }
  printf("\n%d %d %d\n", strcasecmp("HeLLo", "hello"),
         sign(strncasecmp("abcX", "ABCy", 4)), sign(strcasecmp("a", "B")));
  printf("%s %s\n", strpbrk("hello world", "ow"), strerror(34));
  printf("%zu %s\n", strxfrm(buf, "xfrm", sizeof buf), buf);
  printf("%s\n", (char *)memmem("haystack", 8, "st", 2));
  printf("%d %d\n", ffs(0x80), ffs(0));
  return fails != 0;
}
