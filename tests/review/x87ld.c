/* x87ld.c: long double arithmetic compiles to x87 instructions: the
 * verifier must say the module touches x87 state (then the transitions
 * reset it on entry and return; fpuenv_host and the escape tests check
 * what that reset achieves). */
double sq(double x) {
  volatile long double y = x;
  return (double)(y * y + 1.0L);
}
