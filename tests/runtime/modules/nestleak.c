/* nestleak.c: instance A leaves a secret in deep native frames, returns,
 * then calls the host, which calls instance B (nested, on A's native
 * stack): B reads its own uninitialized frames at several depths (review
 * of rtspeed2, finding 1; test_nestleak.c). */
#include <stdint.h>
#include "sfi_sys.h"
#define STK8(op, b) op(b) op(b + 1) op(b + 2) op(b + 3) op(b + 4) op(b + 5) op(b + 6) op(b + 7)
#define STK64(op, b) STK8(op, b) STK8(op, b + 8) STK8(op, b + 16) STK8(op, b + 24) \
      STK8(op, b + 32) STK8(op, b + 40) STK8(op, b + 48) STK8(op, b + 56)
#define STK512(op) STK64(op, 0) STK64(op, 64) STK64(op, 128) STK64(op, 192) STK64(op, 256) \
      STK64(op, 320) STK64(op, 384) STK64(op, 448)
/* A: leave a secret in 8 deep 4 KiB native frames, return, then call the host. */
__attribute__((noinline)) long keep_deep(uint64_t v, long n) {
  volatile uint64_t a[512];
#define K(i) a[i] = v;
  STK512(K)
  return n > 0 ? keep_deep(v, n - 1) + a[3] : (long)a[7];
}
long host_cb(long);
long a_run(uint64_t secret) {
  keep_deep(secret, 8);          /* dead frames hold the secret now */
  return host_cb(0);             /* the host calls instance B from here */
}
/* B: read its own uninitialized native frame n frames deep. */
__attribute__((noinline)) void peek(uint64_t *out) {
  volatile uint64_t a[512];
#define P(i) out[i] = a[i];
  STK512(P)
}
__attribute__((noinline)) long peek_at(uint64_t *out, long n) {
  volatile char pad[1024];
  pad[3] = (char)n;
  if (n > 0) return peek_at(out, n - 1) + pad[3];
  peek(out);
  return 0;
}
long do_sbrk(long n) { return (long)__sfi_sys_sbrk(n); }
