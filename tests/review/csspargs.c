/* csspargs.c: sspargs.s from C source only (sfi-cc -shared): the pass lets
 * C code declare and assign the runtime's __sfi_ssp. attack(v) points it
 * at a host address and calls an import that calls back into seven() with
 * seven integer arguments: sfi__call_raw writes arguments 6 and 7 at
 * (v - 16) & ~15 (sspargs_host.c). */
extern unsigned long __sfi_ssp;
void host_calls_back(void);
void attack(unsigned long v) {
  unsigned long old = __sfi_ssp;
  __sfi_ssp = v;
  host_calls_back();
  __sfi_ssp = old;
}
long seven(long a, long b, long c, long d, long e, long f, long g) {
  return a + b + c + d + e + f + g;
}
