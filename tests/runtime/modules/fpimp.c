/* fpimp.c: the address of an import taken and called through (with the
 * pass: a jump-table entry that jumps to the import's PLT entry). */
long host_twice(long);
long (*volatile imp_fp)(long) = host_twice;
long call_imp_fp(long x) { return imp_fp(x); }
void *get_imp_fp(void) { return (void *)imp_fp; }

/* Changes the rounding mode, then calls the host: the host import must
 * run under the host's mode, the sandbox keeps its own for libm. */
long host_round(long);
double __sfi_libm_rint(double);
long round_then_host(long x) {
  __builtin_set_flt_rounds(2);                    /* upward */
  long sandbox_rint = (long)__sfi_libm_rint(0.5); /* 1 under upward */
  return host_round(x) * 10 + sandbox_rint;
}
