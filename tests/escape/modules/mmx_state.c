/* mmx_state.c: the C half of the MMX attack (mmx_state_asm.S): the
 * exports run MMX instructions without emms (every x87 register tagged in
 * use) and then call an import that does long double math, first as the
 * call's first import, then after six others. The import must compute
 * right, and the host after the call. */
#include "common.h"
PING

/* r: the MMX sum; host_ld(7) is 22 when the import's x87 stack is empty */
__attribute__((visibility("hidden"))) long after_mmx(long r) {
  return host_ld(7) * 1000 + (r & 0xff);
}

/* Six imports before the MMX use: 0 if each computed right. */
__attribute__((visibility("hidden"))) long warm_imports(void) {
  long s = 0;
  for (int i = 0; i < 6; i++)
    s += host_ld(7);
  return s == 6 * 22 ? 0 : 1000000;
}
