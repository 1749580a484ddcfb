/* bench.c: the runtime benchmark's module: an empty function (call-in cost)
 * and a loop of import calls (call-out cost). */
long host_noop(long);
long nothing(long x) { return x; }
long loop_host(long n) {
  long s = 0;
  for (long i = 0; i < n; i++)
    s += host_noop(i);
  return s;
}
long loop_local(long n, long (*f)(long)) {
  long s = 0;
  for (long i = 0; i < n; i++)
    s += f(i);
  return s;
}
double __sfi_libm_fabs(double);
/* Calls out through a system-interface/libm thunk (no FP switch). */
long loop_libm(long n) {
  double s = 0;
  for (long i = 0; i < n; i++)
    s += __sfi_libm_fabs((double)i);
  return (long)s;
}
