/* qsort.c: qsort with comparators over arrays with many ties (the order
 * of equal elements must match glibc's, whose qsort is a stable merge sort
 * here), several element sizes, and bsearch. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec {
  int key;
  int id;
  char pad[20];
};

static int cmp_key(const void *a, const void *b) {
  const struct rec *x = a, *y = b;
  return (x->key > y->key) - (x->key < y->key);
}
static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}
static int cmp_mod(const void *a, const void *b) {
  long x = *(const long *)a % 16, y = *(const long *)b % 16;
  return (x > y) - (x < y);
}
static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void) {
  srand(7);
  for (int n = 0; n < 2000; n = n * 2 + 1) {
    struct rec *r = malloc(sizeof *r * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
      r[i].key = rand() % 10;
      r[i].id = i;
    }
    qsort(r, (size_t)n, sizeof *r, cmp_key);
    uint32_t h = 2166136261u;
    for (int i = 0; i < n; i++)
      h = (h ^ (uint32_t)(r[i].key * 100000 + r[i].id)) * 16777619u;
    printf("recs n=%d hash %08x\n", n, h);
    free(r);
  }
  int *a = malloc(100000 * sizeof *a);
  for (int i = 0; i < 100000; i++)
    a[i] = rand();
  qsort(a, 100000, sizeof *a, cmp_int);
  int sorted = 1;
  for (int i = 1; i < 100000; i++)
    sorted &= a[i - 1] <= a[i];
  printf("ints sorted %d first %d last %d\n", sorted, a[0], a[99999]);
  int found = 0;
  for (int i = 0; i < 1000; i++) {
    int k = a[(i * 97) % 100000];
    int *p = bsearch(&k, a, 100000, sizeof *a, cmp_int);
    found += p && *p == k;
  }
  int missing = -1;
  printf("bsearch found %d/1000, missing -> %s\n", found,
         bsearch(&missing, a, 100000, sizeof *a, cmp_int) ? "hit" : "null");
  long *m = malloc(5000 * sizeof *m);
  for (int i = 0; i < 5000; i++)
    m[i] = rand();
  qsort(m, 5000, sizeof *m, cmp_mod);
  uint64_t h = 0;
  for (int i = 0; i < 5000; i++)
    h = h * 31 + (uint64_t)m[i];
  printf("longs by mod 16 hash %016llx\n", (unsigned long long)h);
  static const char *words[] = {"pear",  "apple",  "fig",  "kiwi", "banana",
                                "apple", "cherry", "date", "fig",  "grape"};
  char *w[10];
  memcpy(w, words, sizeof w);
  qsort(w, 10, sizeof *w, cmp_str);
  for (int i = 0; i < 10; i++)
    printf("%s ", w[i]);
  putchar('\n');
  free(a);
  free(m);
  return 0;
}
