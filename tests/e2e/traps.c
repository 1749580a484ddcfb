// traps.c: a fault inside the program ends sfi-run with status 134 and one
// line "sfi-run: trap: <kind> at <addr> in <function>" on stderr (then a
// backtrace), for every kind of trap; output written before it survives.
// RUN: sfi-cc -O2 -fno-omit-frame-pointer %s -o %t.so
// RUN: sfi-run %t.so wild > %t.out 2> %t.err; test $? -eq 134
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: FileCheck %s --check-prefix=WILD < %t.err
// OUT: before the trap
// WILD: sfi-run: trap: out-of-bounds memory access {{.*}}at 0x{{[0-9a-f]+}} {{.*}}in write_wild
// WILD: #0 {{.*}} write_wild
// WILD: main
// RUN: sfi-run %t.so null 2>&1 >/dev/null | FileCheck %s --check-prefix=NULL; test ${PIPESTATUS[0]} -eq 134
// NULL: sfi-run: trap: out-of-bounds memory access {{.*}}in read_null
// RUN: sfi-run %t.so div 2>&1 >/dev/null | FileCheck %s --check-prefix=DIV; test ${PIPESTATUS[0]} -eq 134
// DIV: sfi-run: trap: {{.*}}division{{.*}} in divide
// RUN: sfi-run %t.so ovf 2>&1 >/dev/null | FileCheck %s --check-prefix=DIV; test ${PIPESTATUS[0]} -eq 134
// RUN: sfi-run %t.so abort 2>&1 >/dev/null | FileCheck %s --check-prefix=ABORT; test ${PIPESTATUS[0]} -eq 134
// ABORT: sfi-run: trap: {{.*}}abort
// RUN: sfi-run %t.so recurse 2>&1 >/dev/null | FileCheck %s --check-prefix=STACK; test ${PIPESTATUS[0]} -eq 134
// STACK: sfi-run: trap: {{.*}}stack{{.*}} in deep
// RUN: sfi-run %t.so native 2>&1 >/dev/null | FileCheck %s --check-prefix=NATIVE; test ${PIPESTATUS[0]} -eq 134
// NATIVE: sfi-run: trap: stack exhausted {{.*}} in native_deep
// RUN: sfi-run %t.so vla 2>&1 >/dev/null | FileCheck %s --check-prefix=SHADOW; test ${PIPESTATUS[0]} -eq 134
// SHADOW: sfi-run: trap: {{.*}} in big_vla
// RUN: sfi-run %t.so unreachable 2>&1 >/dev/null | FileCheck %s --check-prefix=UNR; test ${PIPESTATUS[0]} -eq 134
// UNR: sfi-run: trap: {{.*}} in reach_unreachable
// RUN: sfi-run %t.so label-code 2>&1 >/dev/null | FileCheck %s --check-prefix=LABEL; test ${PIPESTATUS[0]} -eq 134
// RUN: sfi-run %t.so label-index 2>&1 >/dev/null | FileCheck %s --check-prefix=LABEL; test ${PIPESTATUS[0]} -eq 134
// LABEL: sfi-run: trap: {{.*}} in forged_label
// RUN: sfi-run %t.so label-ok > /dev/null; test $? -eq 3
// RUN: sfi-run %t.so case 2>&1 >/dev/null | FileCheck %s --check-prefix=CASE; test ${PIPESTATUS[0]} -eq 134
// CASE: sfi-run: trap: {{.*}} in bad_case
// The same containment in stores-only mode (a wild store) and with the
// anchor addressing scheme.
// RUN: sfi-cc -O2 -fsfi-mode=stores %s -o %t.stores.so
// RUN: sfi-run %t.stores.so wild 2>&1 >/dev/null | FileCheck %s --check-prefix=WILD2; test ${PIPESTATUS[0]} -eq 134
// RUN: sfi-cc -O2 -fsfi-scheme=anchor %s -o %t.anchor.so
// RUN: sfi-run %t.anchor.so wild 2>&1 >/dev/null | FileCheck %s --check-prefix=WILD2; test ${PIPESTATUS[0]} -eq 134
// RUN: sfi-run %t.anchor.so div 2>&1 >/dev/null | FileCheck %s --check-prefix=DIV; test ${PIPESTATUS[0]} -eq 134
// WILD2: sfi-run: trap: out-of-bounds memory access {{.*}}in write_wild
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A typical host stack address: in the sandbox it is masked into the
 * region, where nothing is mapped at that offset. */
__attribute__((noinline)) void write_wild(uintptr_t a) {
  *(volatile int *)a = 0x41414141;
}
__attribute__((noinline)) int read_null(int *volatile p) { return *p; }
__attribute__((noinline)) int divide(int a, int b) { return a / b; }
__attribute__((noinline)) int deep(int n) {
  volatile char pad[256];
  pad[n & 255] = (char)n;
  return deep(n + 1) + pad[7];
}
/* Frames with only scalar locals: the native stack (outside the region)
 * runs out, against its guard page. */
__attribute__((noinline)) long native_deep(long n) {
  volatile long x = n;
  return native_deep(n + 1) + x;
}
char *volatile sink;
__attribute__((noinline)) int big_vla(size_t n) {
  char v[n]; /* a dynamic alloca: on the shadow stack, larger than it */
  memset(v, 1, n);
  sink = v;
  return v[n / 2];
}
__attribute__((noinline)) void reach_unreachable(void) { __builtin_trap(); }

/* Computed goto to a forged label value never leaves the function: label
 * values are indices 1..5 here, a goto masks the value to 0..7 and sends
 * 0, 6 and 7 to the trap (other forged values reach one of the labels).
 * A code address with its low bits set and an index past the labels trap. */
__attribute__((noinline)) int forged_label(uintptr_t v) {
  static void *ops[] = {&&a, &&b, &&c, &&d, &&e};
  volatile int k = 0;
  goto *ops[k];
a:
  goto *(v ? (void *)v : ops[2]);
b:
  return 2;
c:
  return 3;
d:
  return 4;
e:
  return 5;
}

/* A switch whose default the optimizer may assume away still traps on an
 * index outside its cases (distinct calls per case keep it a jump). */
__attribute__((noinline)) int case_a(int x) { return x * 3 + 1; }
__attribute__((noinline)) int case_b(int x) { return x ^ 0x55; }
__attribute__((noinline)) int case_c(int x) { return x - 7; }
__attribute__((noinline)) int case_d(int x) { return x << 2; }
__attribute__((noinline)) int case_e(int x) { return x / 3; }
__attribute__((noinline)) int case_f(int x) { return ~x; }
__attribute__((noinline)) int bad_case(unsigned k) {
  int r;
  switch (k) {
  case 0: r = case_a((int)k); break;
  case 1: r = case_b((int)k); break;
  case 2: r = case_c((int)k); break;
  case 3: r = case_d((int)k); break;
  case 4: r = case_e((int)k); break;
  case 5: r = case_f((int)k); break;
  default: __builtin_unreachable();
  }
  return r + 1;
}

int main(int argc, char **argv) {
  const char *what = argc > 1 ? argv[1] : "";
  volatile int zero = 0, minus1 = -1, intmin = INT32_MIN;
  printf("before the trap\n");
  fflush(stdout);
  if (!strcmp(what, "wild"))
    write_wild((uintptr_t)0x7ffd12345678ull);
  else if (!strcmp(what, "null"))
    return read_null(NULL);
  else if (!strcmp(what, "div"))
    return divide(1, zero);
  else if (!strcmp(what, "ovf"))
    return divide(intmin, minus1);
  else if (!strcmp(what, "abort"))
    abort();
  else if (!strcmp(what, "recurse"))
    return deep(0);
  else if (!strcmp(what, "native"))
    return (int)native_deep(0);
  else if (!strcmp(what, "vla"))
    return big_vla(64u << 20);
  else if (!strcmp(what, "unreachable"))
    reach_unreachable();
  else if (!strcmp(what, "label-code"))
    return forged_label((uintptr_t)&main | 7);
  else if (!strcmp(what, "label-index"))
    return forged_label(6);
  else if (!strcmp(what, "label-ok"))
    return forged_label(0);
  else if (!strcmp(what, "case"))
    return bad_case(1u << 20);
  printf("no trap\n");
  return 0;
}
