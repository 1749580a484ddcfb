/* callback_nontable.c: hands the host "function pointers" that are not
 * jump-table entries (entry + 1, a data address, the trap entry, the table's
 * end, a host address): sfi_call_addr must refuse each; a real entry works. */
#include "common.h"
PING
extern char __start_sfi_jt[], __stop_sfi_jt[];
static long data_word = 0xc3;
__attribute__((noinline)) static long good(void) { return 42; }
long give(u64 host, long k) {
  u64 g = (u64)(uintptr_t)&good;
  switch (k) {
  case 0: return (long)g;
  case 1: return (long)(g + 1);
  case 2: return (long)(g + 8);
  case 3: return (long)(uintptr_t)&data_word;
  case 4: return (long)(uintptr_t)__start_sfi_jt;
  case 5: return (long)(uintptr_t)__stop_sfi_jt;
  case 6: return (long)host;
  case 7: return (long)(g - 8);
  default: return 0;
  }
}
