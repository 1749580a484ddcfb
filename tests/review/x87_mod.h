/* x87_mod.h: what the x87 review modules (x87*.c, built by sfi-cc) share:
 * a long double's bytes as a struct (an x87-free module builds one with
 * integer stores, no x87 instruction), and the system interface's
 * formatting call, which takes a long double by address and runs the
 * host's snprintf("%Lf") on it (x87 code run for the module). */
#ifndef X87_MOD_H
#define X87_MOD_H
struct ld {
  unsigned long long mant;
  unsigned short exp;
  unsigned char pad[6];
};

int __sfi_sys_fmt_fp(unsigned long buf, unsigned long cap, int spec, int width,
                     int prec, unsigned long valuep);
#endif
