/* override.c: a program's own definitions of libc functions win, as with
 * a static libc (issue 14): srand next to the libc's rand (same archive
 * member), and a complete malloc/free/calloc/realloc replacement that the
 * libc's own functions (strdup, stdio buffers, qsort's scratch) must call
 * too. Compared with glibc, where the executable's definitions interpose. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned seeded = 12345;
void srand(unsigned s) { seeded = s * 2 + 1; }

/* A bump allocator with a size header. */
static _Alignas(16) unsigned char arena[1 << 22];
static size_t used;
static volatile long n_malloc, n_free, n_calloc, n_realloc;
void *malloc(size_t n) {
  n_malloc++;
  size_t need = (n + 16 + 15) & ~(size_t)15;
  if (need > sizeof arena - used)
    return 0;
  unsigned char *p = arena + used;
  used += need;
  *(size_t *)p = n;
  return p + 16;
}
void free(void *p) {
  if (p)
    n_free++;
}
void *calloc(size_t a, size_t b) {
  n_calloc++;
  if (b && a > (size_t)-1 / b)
    return 0;
  void *p = malloc(a * b);
  if (p)
    memset(p, 0, a * b);
  return p;
}
void *realloc(void *p, size_t n) {
  n_realloc++;
  void *q = malloc(n);
  if (q && p) {
    size_t old = *(size_t *)((unsigned char *)p - 16);
    memcpy(q, p, old < n ? old : n);
  }
  return q;
}

static int cmp(const void *a, const void *b) {
  return *(const int *)a - *(const int *)b;
}

int main(void) {
  srand(20);
  printf("srand is the program's: %u\n", seeded);
  printf("rand still links: %d\n", rand() >= 0);
  long before = n_malloc;
  char *s = strdup("a string the libc copies");
  printf("strdup used our malloc: %d (%s, in arena %d)\n", n_malloc > before,
         s, (unsigned char *)s >= arena && (unsigned char *)s < arena + sizeof arena);
  free(s);
  int *v = calloc(1000, sizeof *v);
  for (int i = 0; i < 1000; i++)
    v[i] = (i * 7919) % 1000;
  v = realloc(v, 2000 * sizeof *v);
  qsort(v, 1000, sizeof *v, cmp);
  printf("sorted: %d %d %d\n", v[0], v[500], v[999]);
  printf("calloc %d realloc %d free %d\n", n_calloc > 0, n_realloc > 0,
         n_free > 0);
  FILE *f = fopen("/dev/null", "r");
  if (f)
    fclose(f);
  return 0;
}
