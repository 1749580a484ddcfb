/* div_zero.c: integer division and remainder by zero and INT_MIN / -1 in 32
 * and 64 bits, with volatile operands so they stay real idiv instructions:
 * each must end in SFI_TRAP_DIV, never kill the host. */
#include <limits.h>
#include "common.h"
PING
long attack(u64 a, long k) {
  volatile int i0 = 0, im = INT_MIN, m1 = -1;
  volatile long l0 = 0, lm = LONG_MIN, lm1 = -1;
  volatile unsigned u0 = 0;
  switch (k) {
  case 0: return (int)a / i0;
  case 1: return im / m1;
  case 2: return (long)a / l0;
  case 3: return lm / lm1;
  case 4: return im % m1;
  case 5: return lm % lm1;
  default: return (unsigned)a / u0;
  }
}
