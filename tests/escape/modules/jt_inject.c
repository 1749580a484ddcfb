/* jt_inject.c: places data (machine code: movb $0x41, (%rdi); ret) in the
 * jump-table section sfi_jt. The linker merges it into the executable table,
 * and an indirect call to it passes the table mask: arbitrary code. Must be
 * refused, or the call must trap. */
#include "common.h"
PING
__attribute__((section("sfi_jt"), aligned(16), used))
const unsigned char evil[16] = {0xc6, 0x07, 0x41, 0xc3, 0xcc, 0xcc, 0xcc, 0xcc,
                                0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc};
long attack(u64 t, long unused) {
  (void)unused;
  void (*volatile fp)(u64) = (void (*)(u64))(uintptr_t)evil;
  fp(t);
  return 0;
}
