/* vector_extract.c: a vector stored through a sandbox pointer, then one of
 * its elements read with a variable index. LLVM's SelectionDAG expands the
 * variable extract by reloading the element from where the vector was just
 * stored, and that reload loses the %gs segment: it reads the absolute
 * address (uint32_t)p + 8 * i, i.e. host memory below 4 GiB. Found by the
 * llvm-stress monitor (autogen_SD1619). Must read the region or trap. */
#include "common.h"
PING
typedef long v2 __attribute__((vector_size(16)));
__attribute__((noinline)) long extract(v2 *p, int i, v2 w) {
  *p = w;
  return w[i];
}
long attack(u64 p, long i) {
  v2 w = {0x1111, 0x2222};
  return extract((v2 *)(uintptr_t)p, (int)i, w);
}
