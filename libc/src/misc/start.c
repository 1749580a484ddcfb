/* start.c: __sfi_start, the entry point sfi-run calls in a program module:
 * fetches argv and the environment from the runtime, sets environ, runs
 * main and exits with its status. Built into sfi_start.o, linked only into
 * program modules. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

extern char **environ;
int main(int, char **, char **);

/* GNU names for argv[0] and its last component (defined in assert.c,
 * whose message uses the short one, as glibc's does). */
extern char *program_invocation_name, *program_invocation_short_name;

static char **fetch(int (*sizes)(int *, size_t *),
                    int (*get)(char **, char *)) {
  int n = 0;
  size_t bytes = 0;
  if (sizes(&n, &bytes) < 0 || n < 0)
    n = 0, bytes = 0;
  char **v = malloc(((size_t)n + 1) * sizeof *v);
  char *buf = malloc(bytes ? bytes : 1);
  if (!v || !buf) {
    __sfi_sys_write(2, "sfi: out of memory for argv\n", 28);
    __sfi_sys_exit(127);
  }
  if (n && get(v, buf) < 0)
    n = 0;
  v[n] = 0;
  return v;
}

int __sfi_start(void) {
  char **argv = fetch(__sfi_sys_args_sizes, __sfi_sys_args_get);
  char **envp = fetch(__sfi_sys_environ_sizes, __sfi_sys_environ_get);
  int argc = 0;
  while (argv[argc])
    argc++;
  environ = envp;
  if (argv[0]) {
    char *slash = strrchr(argv[0], '/');
    program_invocation_name = argv[0];
    program_invocation_short_name = slash ? slash + 1 : argv[0];
  }
  exit(main(argc, argv, envp));
}
