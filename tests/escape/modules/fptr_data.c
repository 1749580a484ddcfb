/* fptr_data.c: calls a pointer to data that holds machine code (movb $0x41,
 * (%rdi); ret): data is not executable and not in the jump table. */
#include "common.h"
PING
static const unsigned char code_ro[16] = {0xc6, 0x07, 0x41, 0xc3};
static unsigned char code_rw[16] = {0xc6, 0x07, 0x41, 0xc3};
long attack(u64 t, long k) {
  const void *c = k == 0 ? (const void *)code_ro : (const void *)code_rw;
  void (*fp)(u64) = (void (*)(u64))(uintptr_t)c;
  fp(t);
  return 0;
}
