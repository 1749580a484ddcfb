/* ccrossleak.c: crossleak.s from C source only (sfi-cc -shared): keep()
 * fills a volatile local array in its native frame; peek(), run in another
 * instance on the same thread, reads an uninitialised volatile array at the
 * same place (crossleak_host.c: all 512 words carry A's secret). */
#include <stdint.h>
#include "unroll.h"
__attribute__((noinline)) void keep(uint64_t v) {
  volatile uint64_t a[512];
  /* a[0] = v; ... a[511] = v; */
#define SET(i) a[i] = v;
  UNROLL512(SET, 0)
#undef SET
}
__attribute__((noinline)) void peek(uint64_t *out) {
  volatile uint64_t a[512];
  /* out[0] = a[0]; ... out[511] = a[511]; */
#define COPY(i) out[i] = a[i];
  UNROLL512(COPY, 0)
#undef COPY
}
