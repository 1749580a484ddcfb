/* libm.c: __sfi_libm_<name> imports bound to the host libm, for an
 * allowlist of functions whose arguments and results are all scalars (no
 * pointers), in float, double and long double: include/sfi_libm.h, the
 * list the sandbox libc imports from. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sfi_libm.h"

/* Sandboxed code never passes arguments on the native stack
 * (pass/StackArgs.cpp): a long double argument travels in a buffer in the
 * region, laid out as a struct of the memory-class arguments (16 bytes
 * each), whose address is the last integer argument. These wrappers read
 * it; a bad buffer address gives NaN, harming only the sandbox. */
static long double ld_arg(uint64_t buf, int i) {
  const void *p = sfi_ptr(sfi_current(), buf + 16 * (uint64_t)i, 10, 0);
  long double v = NAN;
  if (p)
    memcpy(&v, p, 10);
  return v;
}

#define W1(n)                                                                    static long double w_##n##l(uint64_t b) { return n##l(ld_arg(b, 0)); }
#define W2(n)                                                                    static long double w_##n##l(uint64_t b) {                                        return n##l(ld_arg(b, 0), ld_arg(b, 1));                                     }
#define W3(n)                                                                    static long double w_##n##l(uint64_t b) {                                        return n##l(ld_arg(b, 0), ld_arg(b, 1), ld_arg(b, 2));                       }
#define WFI(n)                                                                   static long double w_##n##l(int e, uint64_t b) { return n##l(ld_arg(b, 0), e); }
#define WFL(n)                                                                   static long double w_##n##l(long e, uint64_t b) {                                return n##l(ld_arg(b, 0), e);                                                }
#define WIF(n)                                                                   static long double w_##n##l(int e, uint64_t b) { return n##l(e, ld_arg(b, 0)); }
#define WR(n, R)                                                                 static R w_##n##l(uint64_t b) { return n##l(ld_arg(b, 0)); }
#define WRI(n) WR(n, int)
#define WRL(n) WR(n, long)
#define WRLL(n) WR(n, long long)
SFI_LIBM_F1(W1) SFI_LIBM_F1_EXTRA(W1) SFI_LIBM_F1_SIGNGAM(W1) W1(fabs)
SFI_LIBM_F2(W2) W2(copysign) SFI_LIBM_F3(W3) SFI_LIBM_FI(WFI)
SFI_LIBM_FL(WFL) SFI_LIBM_IF_EXTRA(WIF) SFI_LIBM_RI(WRI) SFI_LIBM_RL(WRL)
SFI_LIBM_RLL(WRLL)
static double w_nexttoward(double x, uint64_t b) {
  return nexttoward(x, ld_arg(b, 0));
}
static float w_nexttowardf(float x, uint64_t b) {
  return nexttowardf(x, ld_arg(b, 0));
}
W2(nexttoward)

/* Each listed name in its three widths; fabs and copysign too (the libc
 * computes them itself, but they are as harmless to grant). */
#define SFI_BIND3(n) {#n, (void *)n}, {#n "f", (void *)n##f}, {#n "l", (void *)w_##n##l},
static const struct sfi_bind libm[] = {
    SFI_LIBM_F1(SFI_BIND3) SFI_LIBM_F1_EXTRA(SFI_BIND3)
    SFI_LIBM_F1_SIGNGAM(SFI_BIND3) SFI_LIBM_F2(SFI_BIND3)
    SFI_LIBM_F3(SFI_BIND3) SFI_LIBM_FI(SFI_BIND3) SFI_LIBM_FL(SFI_BIND3)
    SFI_LIBM_IF_EXTRA(SFI_BIND3) SFI_LIBM_RI(SFI_BIND3)
    SFI_LIBM_RL(SFI_BIND3) SFI_LIBM_RLL(SFI_BIND3)
    {"nexttoward", (void *)w_nexttoward}, {"nexttowardf", (void *)w_nexttowardf},
    {"nexttowardl", (void *)w_nexttowardl},
    SFI_BIND3(fabs) SFI_BIND3(copysign)
};

/* Whether name is a long double variant ("sinl": "sin" is listed too),
 * whose wrapper returns its result on the x87 stack (loader.c). */
int sfi__libm_x87(const char *name) {
  size_t n = strlen(name);
  if (n < 2 || name[n - 1] != 'l' || !sfi__libm_lookup(name))
    return 0;
  for (size_t i = 0; i < sizeof libm / sizeof libm[0]; i++)
    if (strlen(libm[i].name) == n - 1 && !strncmp(libm[i].name, name, n - 1))
      return 1;
  return 0;
}

/* Linear: imports are bound once per module load. */
void *sfi__libm_lookup(const char *name) {
  for (size_t i = 0; i < sizeof libm / sizeof libm[0]; i++)
    if (!strcmp(libm[i].name, name))
      return libm[i].fn;
  return NULL;
}
