/* assert.c: the failure path of assert(): glibc's message, then abort. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

_Noreturn void __assert_fail(const char *expr, const char *file, int line,
                             const char *func) {
  fflush(stdout);
  fprintf(stderr, "%s: %s:%d: %s: Assertion `%s' failed.\n", "sfi", file,
          line, func, expr);
  abort();
}
