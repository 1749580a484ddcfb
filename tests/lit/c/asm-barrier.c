// Compiler barriers, spin hints and CPU queries are kept (they assemble to
// nothing, or to pause/nop/fences/cpuid/rdtsc, which the verifier accepts),
// and
// __builtin_frame_address(0) is the shadow stack pointer: an address in
// the region that never increases as calls nest, and decreases with every
// frame that has shadow-stack locals (here: an escaping buffer), which is
// what stack-depth checks need. At every
// -O level the program prints what the native build prints.
// RUN: %bindir/sfi-cc -O0 %s -o %t0.so && %bindir/sfi-run %t0.so | %FileCheck %s
// RUN: %bindir/sfi-cc -O2 %s -o %t2.so && %bindir/sfi-run %t2.so | %FileCheck %s
// RUN: %bindir/sfi-cc -Os %s -o %ts.so && %bindir/sfi-run %ts.so | %FileCheck %s
// RUN: %bindir/sfi-cc -O2 -S %s -o - | %FileCheck %s --check-prefix=ASM
// CHECK: value 42
// CHECK-NEXT: depth ok 1
// CHECK-NEXT: cpuid ok 1
// CHECK-NEXT: in region 1
// ASM: pause
// ASM: lfence
// ASM: cpuid
#include <stdint.h>
#include <stdio.h>

static char *top;
volatile char *sink;

__attribute__((noinline)) static int deeper(int n) {
  volatile char buf[256];
  sink = buf; /* escapes: a shadow frame per call */
  buf[0] = (char)n;
  char *here = __builtin_frame_address(0);
  if (n == 0)
    return here < top;
  return deeper(n - 1) && buf[0] == n;
}

int main(void) {
  int x = 41;
  __asm__("" : "+r"(x));
  __asm__ volatile("" ::: "memory");
  for (int i = 0; i < 3; i++)
    __asm__ volatile("pause");
  __asm__ volatile("rep; nop\n\t# spin\n");
  __asm__ volatile("lfence");
  __asm__(".p2align 5"); /* zstd's hot-loop alignment */
  __asm__(".balign 16\n\tnop");
  top = __builtin_frame_address(0);
  printf("value %d\n", x + 1);
  printf("depth ok %d\n", deeper(4));
  /* zstd's feature detection: cpuid leaf 0 names the vendor */
  uint32_t n, b, c, d;
  __asm__("cpuid" : "=a"(n), "=b"(b), "=c"(c), "=d"(d) : "a"(0), "c"(0));
  uint32_t lo, hi;
  __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
  printf("cpuid ok %d\n", n >= 1 && b != 0 && (lo | hi) != 0);
  /* in the same region as the program's data */
  printf("in region %d\n",
         ((uintptr_t)top >> 32) == ((uintptr_t)&top >> 32) ||
             (uintptr_t)top - (uintptr_t)&top < (1ull << 32));
  return 0;
}
