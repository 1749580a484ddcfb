/* rand.c: rand/srand/random/srandom with glibc's default generator (the
 * additive feedback generator of degree 31), so programs that seed and
 * draw get the same sequence natively and sandboxed; plus rand_r and the
 * 48-bit drand48 family (the POSIX LCG, as in glibc). */
#include <stdint.h>
#include <stdlib.h>

static int32_t state[31];
static int fi = 3, ri = 0;
static int seeded;

void srandom(unsigned seed) {
  int32_t word = (int32_t)(seed ? seed : 1);
  state[0] = word;
  for (int i = 1; i < 31; i++) {
    /* 16807 * word mod (2^31 - 1) without overflow (Schrage). */
    long hi = word / 127773, lo = word % 127773;
    long w = 16807 * lo - 2836 * hi;
    if (w < 0)
      w += 2147483647;
    state[i] = word = (int32_t)w;
  }
  fi = 3;
  ri = 0;
  seeded = 1;
  for (int i = 0; i < 310; i++)
    (void)random();
}

long random(void) {
  if (!seeded)
    srandom(1);
  uint32_t v = (uint32_t)state[fi] + (uint32_t)state[ri];
  state[fi] = (int32_t)v;
  if (++fi >= 31)
    fi = 0;
  if (++ri >= 31)
    ri = 0;
  return (long)(v >> 1);
}

void srand(unsigned seed) { srandom(seed); }
int rand(void) { return (int)random(); }

int rand_r(unsigned *seed) {
  /* glibc's rand_r: three LCG steps of 11, 10 and 10 bits. */
  unsigned next = *seed;
  int result;
  next = next * 1103515245 + 12345;
  result = (int)((next / 65536) % 2048);
  next = next * 1103515245 + 12345;
  result = (result << 10) ^ (int)((next / 65536) % 1024);
  next = next * 1103515245 + 12345;
  result = (result << 10) ^ (int)((next / 65536) % 1024);
  *seed = next;
  return result;
}

static unsigned short x48[3] = {0x330e, 0, 0};
static uint64_t a48 = 0x5deece66dull;
static unsigned c48 = 0xb;

static uint64_t step48(unsigned short x[3]) {
  uint64_t v = x[0] | (uint64_t)x[1] << 16 | (uint64_t)x[2] << 32;
  v = (v * a48 + c48) & 0xffffffffffffull;
  x[0] = (unsigned short)v;
  x[1] = (unsigned short)(v >> 16);
  x[2] = (unsigned short)(v >> 32);
  return v;
}

double erand48(unsigned short x[3]) {
  return (double)step48(x) / 281474976710656.0;
}
double drand48(void) { return erand48(x48); }
long nrand48(unsigned short x[3]) { return (long)(step48(x) >> 17); }
long lrand48(void) { return nrand48(x48); }
long jrand48(unsigned short x[3]) { return (long)(int32_t)(step48(x) >> 16); }
long mrand48(void) { return jrand48(x48); }
void srand48(long seed) {
  x48[0] = 0x330e;
  x48[1] = (unsigned short)seed;
  x48[2] = (unsigned short)(seed >> 16);
  a48 = 0x5deece66dull;
  c48 = 0xb;
}
unsigned short *seed48(unsigned short s[3]) {
  static unsigned short old[3];
  old[0] = x48[0], old[1] = x48[1], old[2] = x48[2];
  x48[0] = s[0], x48[1] = s[1], x48[2] = s[2];
  a48 = 0x5deece66dull;
  c48 = 0xb;
  return old;
}
