/* Definitions of what the lsr/*.c loops call, so that they link into one
 * module (for the -flto builds of lsr_hunt.sh). */
#include <setjmp.h>
#include <stddef.h>
#include <stdlib.h>
extern jmp_buf jb;
static volatile long seen;
void sink(void *p) { seen += (long)(size_t)p & 1; }
int ext(int x) { return x * 3 + (int)seen; }
void may_jump(int v) { if (v == 12345) longjmp(jb, 1); }
void *ext_alloc(size_t n) { return malloc(n); }
void ext_use(void *p, long n) { seen += n; free(p); }
struct big { long v[40]; };
long byval_in_loop(struct big b, int n) { return b.v[n % 40]; }
long many_args(long a, long b, long c, long d, long e, long f, long g, long h,
               double x1, double x2, double x3, double x4, double x5,
               double x6, double x7, double x8, double x9, long double ld) {
  return a + b + c + d + e + f + g + h + (long)(x1 + x2 + x3 + x4 + x5 + x6 +
                                              x7 + x8 + x9 + ld);
}
void use(void *p) { sink(p); }
