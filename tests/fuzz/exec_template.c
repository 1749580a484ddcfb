/* exec_template.c: the module whose function `body` fuzz_exec overwrites
 * with fuzzed machine code. body's own code (a loop over both pointer
 * arguments, indexed loads and stores, a call through a pointer) is the
 * seed: mutations of code in the version-2 shape reach the verifier's
 * corners more often than random bytes. */
typedef long (*fn)(long);
static long twice(long x) { return 2 * x; }
fn volatile table[2] = {twice, twice};

__attribute__((noinline)) long body(long *a, long *b, long n) {
  long s = 0;
  for (long i = 0; i < n; i++) {
    s += a[i] * b[(i * 7) & 15];
    a[(i + 3) & 15] = s ^ b[i & 15];
    s = table[i & 1](s);
  }
  return s;
}

long run(long *a, long *b) { return body(a, b, 8); }
