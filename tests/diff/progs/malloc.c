/* malloc.c: allocator stress: random malloc/calloc/realloc/free/
 * aligned_alloc/posix_memalign with content checks, zeroing checks and
 * alignment checks; prints only address-independent facts. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t st = 0xdeadbeefcafef00dull;
static uint64_t rnd(void) {
  st ^= st << 13;
  st ^= st >> 7;
  st ^= st << 17;
  return st;
}

#define SLOTS 4096
static unsigned char *p[SLOTS];
static size_t sz[SLOTS];
static unsigned char tag[SLOTS];

static size_t pick_size(void) {
  switch (rnd() % 8) {
  case 0:
    return rnd() % 16;
  case 1:
  case 2:
  case 3:
    return rnd() % 256;
  case 4:
  case 5:
    return rnd() % 4096;
  case 6:
    return rnd() % 65536;
  default:
    return rnd() % (1 << 17);
  }
}

static int check(int i) {
  for (size_t k = 0; k < sz[i]; k++)
    if (p[i][k] != (unsigned char)(tag[i] + k))
      return 0;
  return 1;
}
static void fill(int i) {
  for (size_t k = 0; k < sz[i]; k++)
    p[i][k] = (unsigned char)(tag[i] + k);
}

int main(void) {
  long errors = 0, ops = 0, unaligned = 0, dirty = 0;
  for (int round = 0; round < 200000; round++) {
    int i = (int)(rnd() % SLOTS);
    ops++;
    if (p[i]) {
      if (!check(i))
        errors++;
      if (rnd() % 3 == 0) {
        size_t ns = pick_size();
        unsigned char *q = realloc(p[i], ns ? ns : 1);
        if (!q) {
          errors++;
          continue;
        }
        size_t keep = sz[i] < ns ? sz[i] : ns;
        for (size_t k = 0; k < keep; k++)
          if (q[k] != (unsigned char)(tag[i] + k))
            errors++;
        p[i] = q;
        sz[i] = ns;
        fill(i);
      } else {
        free(p[i]);
        p[i] = 0;
      }
      continue;
    }
    size_t s = pick_size();
    tag[i] = (unsigned char)rnd();
    switch (rnd() % 4) {
    case 0:
      p[i] = calloc(1, s);
      for (size_t k = 0; p[i] && k < s; k++)
        dirty += p[i][k] != 0;
      break;
    case 1: {
      size_t al = (size_t)16 << (rnd() % 9);
      p[i] = aligned_alloc(al, (s + al - 1) / al * al);
      unaligned += ((uintptr_t)p[i] & (al - 1)) != 0;
      break;
    }
    case 2: {
      void *q = 0;
      size_t al = (size_t)8 << (rnd() % 8);
      if (posix_memalign(&q, al, s))
        errors++;
      p[i] = q;
      unaligned += ((uintptr_t)q & (al - 1)) != 0;
      break;
    }
    default:
      p[i] = malloc(s);
      unaligned += ((uintptr_t)p[i] & 15) != 0;
    }
    if (!p[i]) {
      errors++;
      continue;
    }
    sz[i] = s;
    fill(i);
  }
  for (int i = 0; i < SLOTS; i++) {
    if (p[i] && !check(i))
      errors++;
    free(p[i]);
  }
  /* Reuse after freeing everything: a big block must fit again. */
  void *big = malloc(64 << 20);
  memset(big, 1, 64 << 20);
  free(big);
  void *big2 = malloc(64 << 20);
  printf("ops %ld errors %ld unaligned %ld dirty calloc bytes %ld big %s\n",
         ops, errors, unaligned, dirty, big2 ? "ok" : "failed");
  free(big2);
  printf("malloc(0) %s, free(NULL) ok\n", malloc(0) ? "non-null" : "null");
  free(0);
  printf("huge malloc %s\n", malloc((size_t)-1 / 2) ? "succeeded" : "null");
  printf("calloc overflow %s\n",
         calloc((size_t)1 << 40, (size_t)1 << 40) ? "succeeded" : "null");
  return errors != 0;
}
