/* keeprss.c (C, sfi-cc -shared): 16 MiB of RELRO, one relocated pointer
 * per page, so every instance holds 16 MiB of private RELRO pages
 * (counted against its mem_limit as writable image). keeprss_host.c. */
#include <stdint.h>
int anchor;
struct pg {
  int *p;
  char pad[4096 - sizeof(int *)];
};
#define E {&anchor, {1}}
#define X4(e) e, e, e, e
__attribute__((visibility("default"))) const struct pg tab[4096] = {
    X4(X4(X4(X4(X4(X4(E))))))};
__attribute__((visibility("default"))) int touch(void) {
  return *tab[7].p + (int)tab[4095].pad[0];
}
