/* exit.c: atexit/exit/_Exit/abort/quick_exit. exit runs the handlers in
 * reverse order, flushes stdio, then leaves through the system interface. */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "internal.h"

#define NSTATIC 64

struct handler {
  void (*fn)(void *);
  void *arg;
  int plain; /* registered with atexit: call without the argument */
};

static struct handler fixed[NSTATIC];
static struct handler *list = fixed;
static int count, cap = NSTATIC;
static struct handler qfixed[32];
static int qcount;

static int add(void (*fn)(void *), void *arg, int plain) {
  if (count == cap) {
    struct handler *n = malloc(sizeof *n * (size_t)cap * 2);
    if (!n)
      return -1;
    for (int i = 0; i < count; i++)
      n[i] = list[i];
    if (list != fixed)
      free(list);
    list = n;
    cap *= 2;
  }
  list[count++] = (struct handler){fn, arg, plain};
  return 0;
}

int atexit(void (*fn)(void)) { return add((void (*)(void *))fn, 0, 1); }
int __cxa_atexit(void (*fn)(void *), void *arg, void *dso) {
  (void)dso;
  return add(fn, arg, 0);
}

int at_quick_exit(void (*fn)(void)) {
  if (qcount == 32)
    return -1;
  qfixed[qcount++].fn = (void (*)(void *))fn;
  return 0;
}

_Noreturn void exit(int status) {
  /* Handlers may register more handlers; take them from the end. */
  while (count > 0) {
    struct handler h = list[--count];
    if (h.plain)
      ((void (*)(void))h.fn)();
    else
      h.fn(h.arg);
  }
  __sfi_stdio_exit();
  __sfi_sys_exit(status);
}

_Noreturn void _Exit(int status) { __sfi_sys_exit(status); }
_Noreturn void _exit(int status) { __sfi_sys_exit(status); }

_Noreturn void quick_exit(int status) {
  while (qcount > 0)
    ((void (*)(void))qfixed[--qcount].fn)();
  __sfi_sys_exit(status);
}

_Noreturn void abort(void) {
  raise(SIGABRT); /* a handler may run; SIG_DFL traps */
  __sfi_sys_abort();
}
