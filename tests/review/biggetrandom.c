/* biggetrandom.c: one __sfi_sys_getrandom call of 1 GiB (SYS_IO_MAX) keeps
 * the host thread in the runtime's getrandom loop for ~3 s: `sfi-run
 * --time-limit 1` returns after ~4 s. The timer does not unwind host code
 * (it retries) and sys/getrandom.c loops until the whole length is filled.
 * A variant of bigwrite (the known-open class: host work sized by the
 * sandbox, bounded by SYS_IO_MAX, not by the time limit). */
#include <stdio.h>
#include <stdlib.h>

long __sfi_sys_getrandom(unsigned long buf, unsigned long len);

int main(void) {
  unsigned long n = 1ul << 30;
  char *p = malloc(n);
  if (!p) {
    printf("no memory\n");
    return 1;
  }
  long r = __sfi_sys_getrandom((unsigned long)p, n);
  printf("getrandom returned %ld\n", r);
  return 0;
}
