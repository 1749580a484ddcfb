/* assert.c: the failure path of assert(): glibc's message, then abort. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

/* Set by sfi_start.o in programs; NULL in library modules. */
char *program_invocation_name, *program_invocation_short_name;

_Noreturn void __assert_fail(const char *expr, const char *file, int line,
                             const char *func) {
  fprintf(stderr, "%s: %s:%d: %s: Assertion `%s' failed.\n",
          program_invocation_short_name ? program_invocation_short_name : "sfi",
          file, line, func, expr);
  abort();
}
