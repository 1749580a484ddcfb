// args-env.c: arguments reach main unchanged (including ones that look like
// sfi-run flags, after the module), and the environment is exactly what
// --env gave: nothing of the host's leaks in unless asked for.
// RUN: sfi-cc -O2 %s -o %t.so
// RUN: env SECRET_HOST_VAR=leak sfi-run %t.so one "two words" --dir /etc -- "" | FileCheck %s --check-prefix=ARGS
// ARGS: argc=7
// ARGS-NEXT: argv[0]={{.*}}args-env.c.tmp.so
// ARGS-NEXT: argv[1]=one
// ARGS-NEXT: argv[2]=two words
// ARGS-NEXT: argv[3]=--dir
// ARGS-NEXT: argv[4]=/etc
// ARGS-NEXT: argv[5]=--
// ARGS-NEXT: argv[6]={{$}}
// ARGS-NEXT: argc is not reached: argv[7] is NULL
// ARGS-NEXT: environ: 0 entries
// ARGS-NEXT: FOO unset
// ARGS-NOT: leak
// RUN: env SECRET_HOST_VAR=leak sfi-run --env FOO=bar --env=EMPTY= --env "SP=a b=c" -- %t.so | FileCheck %s --check-prefix=ENV
// ENV: argc=1
// ENV: environ: 3 entries
// ENV-NEXT: env FOO=bar
// ENV-NEXT: env EMPTY=
// ENV-NEXT: env SP=a b=c
// ENV-NEXT: FOO=bar
// ENV-NOT: leak
// --env NAME passes one host variable (none if unset); --inherit-env all of
// them, with --env entries replacing host values.
// RUN: env -i SECRET_HOST_VAR=leak FOO=host %bindir/sfi-run --env FOO --env UNSET_VAR %t.so | FileCheck %s --check-prefix=NAME
// NAME: environ: 1 entries
// NAME-NEXT: env FOO=host
// NAME-NOT: leak
// RUN: env -i SECRET_HOST_VAR=shown FOO=host %bindir/sfi-run --inherit-env --env FOO=mine %t.so | FileCheck %s --check-prefix=ALL
// ALL: environ: 2 entries
// ALL-NEXT: env SECRET_HOST_VAR=shown
// ALL-NEXT: env FOO=mine
// RUN: not %bindir/sfi-run --env = %t.so 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: bad value for option
#include <stdio.h>
#include <stdlib.h>

extern char **environ;

int main(int argc, char **argv) {
  printf("argc=%d\n", argc);
  for (int i = 0; i < argc; i++)
    printf("argv[%d]=%s\n", i, argv[i]);
  if (argv[argc] == NULL)
    printf("argc is not reached: argv[%d] is NULL\n", argc);
  int n = 0;
  while (environ && environ[n])
    n++;
  printf("environ: %d entries\n", n);
  for (int i = 0; i < n; i++)
    printf("env %s\n", environ[i]);
  const char *foo = getenv("FOO");
  if (foo)
    printf("FOO=%s\n", foo);
  else
    printf("FOO unset\n");
  return 0;
}
