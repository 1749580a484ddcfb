/* x87nest_b.c: the x87-free module of x87nest (no x87/MMX instruction: the
 * verifier says so). work(k) formats its secret long double with the
 * system interface (__sfi_sys_fmt_fp, value by address), as a printf of
 * it would: the host's snprintf("%Lf") loads the value into an x87
 * register, and it stays there after work returns (an x87-free module's
 * return skips X87_INIT), for whoever runs x87 code next without a reset:
 * here module A, back from the import that called B. */
#include "x87_mod.h"


static struct ld secret;
static char out[128];

int work(long long k) {
  secret.mant = 0x8000000000000000ULL | (unsigned long long)k; /* normal */
  secret.exp = 0x3fff;
  return __sfi_sys_fmt_fp((unsigned long)out, sizeof out, 'e', 0, 20,
                          (unsigned long)&secret);
}
