/* varargs_overread.c: a variadic function that reads far more arguments
 * than were passed; va_arg reads come from the in-region argument buffer,
 * so the over-read sees only region memory (or traps at its end), never the
 * native stack or host memory. Returns how many words equal magic. */
#include <stdarg.h>
#include "common.h"
PING
__attribute__((noinline)) static long scan(long n, u64 magic, ...) {
  va_list ap;
  long hits = 0;
  va_start(ap, magic);
  for (long i = 0; i < n; i++)
    hits += va_arg(ap, u64) == magic;
  va_end(ap);
  return hits;
}
long attack(u64 magic, long n) { return scan(n, magic, 1L, 2L, 3L); }
