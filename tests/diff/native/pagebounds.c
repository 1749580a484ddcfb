/* pagebounds.c: the string functions must never read past a terminator or
 * a match into the next page: strings placed right before a PROT_NONE page
 * at every length and alignment. Run natively through sfi-libc-shim (mmap
 * and mprotect come from the host here; the sandbox has no mmap), and the
 * same source with glibc; the outputs must agree and neither may fault. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

int main(void) {
  char *m = mmap(0, 3 * 4096, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED || mprotect(m + 2 * 4096, 4096, PROT_NONE))
    return 2;
  char *end = m + 2 * 4096;
  char tmp[700];
  long acc = 0;
  for (int len = 0; len < 300; len++)
    for (int off = 0; off < 70; off += 3) {
      char *a = end - len - 1;
      memset(a, 'x', (size_t)len);
      a[len] = 0;
      char *b = m + 4096 - (len + 1) - off; /* same text, other alignment */
      memset(b, 'x', (size_t)len);
      b[len] = 0;
      acc += (long)strlen(a) + (strcmp(a, b) == 0) + (strchr(a, 'y') == 0);
      acc += (memchr(a, 'y', (size_t)len) == 0) + (long)strnlen(a, 1000);
      acc += strcmp(b, a) + (strchrnul(a, 'q') - a) + (strrchr(a, 'x') != 0);
      acc +=
          strncmp(a, b, 1000) + (long)strspn(a, "x") + (long)strcspn(a, "yz");
      acc += (strstr(a, "xy") == 0);
      acc += (long)(stpcpy(tmp, a) - tmp) + (long)strlen(strcat(tmp, a));
      if (len) {
        b[len - 1] = 'y';
        acc += (strcmp(a, b) < 0) + (strcmp(b, a) > 0) +
               (memcmp(a, b, (size_t)len) < 0);
        b[len - 1] = 'x';
      }
      acc += memcmp(a, b, (size_t)len);
    }
  printf("%ld\n", acc);
  return 0;
}
