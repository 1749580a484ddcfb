// args-env.c: arguments reach main unchanged (including ones that look like
// sfi-run flags, after the module), and the environment is exactly what
// --env gave: nothing of the host's leaks in.
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
