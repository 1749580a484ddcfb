/* fpimp.c: the address of an import taken and called through (with the
 * pass: a jump-table entry that jumps to the import's PLT entry). */
long host_twice(long);
long (*volatile imp_fp)(long) = host_twice;
long call_imp_fp(long x) { return imp_fp(x); }
void *get_imp_fp(void) { return (void *)imp_fp; }
