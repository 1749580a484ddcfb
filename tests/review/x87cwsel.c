/* x87cwsel.c: a module without any x87/MMX instruction (the verifier says
 * so) that decides under which x87 control word the host's import host_env
 * runs: direct() calls it straight away (no system-interface call in this
 * call in: the thread is unmarked), marked() makes one harmless
 * system-interface call first (isatty, through a plain thunk that sets
 * x87_dirty), then calls it. */
#include <unistd.h>
int host_env(void);

int direct(void) { return host_env(); }

int marked(void) {
  (void)isatty(1);
  return host_env();
}
