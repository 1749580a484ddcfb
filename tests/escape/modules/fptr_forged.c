/* fptr_forged.c: calls through a function pointer forged from a host
 * address (a host function, a canary page); the indirect-call mask must send
 * it to the jump table's trap entry. */
#include "common.h"
PING
long attack(u64 t, long arg) {
  long (*fp)(long) = (long (*)(long))(uintptr_t)t;
  return fp(arg);
}
