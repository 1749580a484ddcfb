// The plugin runs at every -O level in plain clang, and the IR verifier
// accepts what it produced (in both modes and both schemes).
// RUN: for O in 0 1 2 3 s z; do %sfi-clang -O$O -fPIC -mllvm -sfi-verify -c %s -o %t.$O.o || exit 1; done
// RUN: %sfi-clang -O2 -fPIC -mllvm -sfi-verify -mllvm -sfi-mode=stores -c %s -o %t.s.o
// RUN: %sfi-clang -O2 -fPIC -mllvm -sfi-verify -mllvm -sfi-scheme=anchor -c %s -o %t.a.o
// RUN: llvm-readelf -n %t.0.o | %FileCheck %s
// RUN: llvm-objdump -d %t.2.o | %FileCheck %s --check-prefix=ASM
// CHECK: libsfi
// ASM: %gs:
#include <stdarg.h>
#include <string.h>
struct S { int a; double b; char c[40]; };
static int twice(int x) { return 2 * x; }
int (*fp)(int) = twice;
long sum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  long s = 0;
  for (int i = 0; i < n; i++)
    s += va_arg(ap, long);
  va_end(ap);
  return s;
}
int work(struct S *s, int n, char *buf) {
  char local[64];
  int vla[n];
  memcpy(local, buf, sizeof local);
  for (int i = 0; i < n; i++)
    vla[i] = local[i % 64] + s->c[i % 40];
  return fp(vla[n - 1]) + (int)sum(3, 1L, 2L, 3L);
}
