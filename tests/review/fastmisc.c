/* fastmisc.c: exports for fastmisc_host.c (call_fast's exit paths). */
#include <setjmp.h>
#include <stdlib.h>
extern int host_back(int);
static jmp_buf jb;
static volatile int armed;
int ok(int x) { return x + 1; }
int trap(void) { __builtin_trap(); }
int oob(void) { return *(volatile int *)0x123456789000ULL; } /* masked: in region */
int doexit(int s) { exit(s); }
int sj_save(void) {
  if (setjmp(jb))
    return 7;
  armed = 1;
  return 0;
}
int sj_jump(void) { longjmp(jb, 1); }
/* calls the host, which calls ok() again (nested call_core) */
int via_host(int x) { return host_back(x) + 100; }
static volatile int spins;
int spin(void) {
  for (;;)
    spins++;
}
