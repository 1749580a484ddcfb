/* threads.c: two threads, two instances: one traps over and over (wild
 * writes, division by zero), the other computes; traps must stay with the
 * thread and instance that caused them. */
#include "common.h"
PING
long attack(u64 t, long k) {
  volatile int z = 0;
  if (k & 1)
    return (int)(t >> 32) / z; /* not 1 / z: clang folds that to a select */
  *(volatile long *)(t | 0xffffffffULL) = k;
  return 0;
}
long work(u64 seed, long n) {
  u64 x = seed;
  for (long i = 0; i < n; i++)
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
  return (long)(x >> 1);
}
