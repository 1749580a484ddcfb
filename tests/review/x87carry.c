/* x87carry.c: a module without any x87/MMX instruction. It passes a
 * signaling NaN (built from its bits with SSE/integer code) to the host
 * import host_widen, an ordinary host function that widens its argument
 * to long double (fld of an SNaN: IE set in the x87 status word, which the
 * SysV ABI lets a function leave), then calls host_ld. No
 * system-interface call: the thread stays unmarked. */
double host_widen(double);
int host_ld(void);

int go(void) {
  union { unsigned long u; double d; } s = {0x7ff4000000000000ul};
  volatile double w = host_widen(s.d);
  (void)w;
  return host_ld();
}
