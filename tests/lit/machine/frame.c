// Native frames have the shape the loader's verifier tracks: no frame
// pointer (also at -O0), no red zone, no stack realignment or probes; a
// function never falls through into the next one.
// RUN: %sfi-clang -O0 -fPIC -S %s -o - | %FileCheck %s
// RUN: %sfi-clang -O2 -fPIC -S %s -o - | %FileCheck %s --check-prefix=O2
// RUN: %sfi-clang -O2 -fPIC -S %s -o - -DHUGE | %FileCheck %s --check-prefix=HUGE

// CHECK-LABEL: leaf:
// CHECK-NOT: %rbp
// CHECK-NOT: -{{[0-9]+}}(%rsp)
// CHECK: retq
int leaf(int a, int b) {
  int t = a * b;
  return t + a;
}

// A call to a noreturn function that ends the function gets a trap after it.
// O2-LABEL: ending:
// O2: callq
// O2-NEXT: ud2
_Noreturn void die(void);
int ending(int x) {
  if (x)
    return 3;
  die();
}

#ifdef HUGE
// Spills beyond SFI_NATIVE_FRAME_MAX cannot come from C locals (large
// locals live on the shadow stack); an over-aligned local lives there too,
// so the native frame needs neither realignment nor a frame pointer.
// HUGE-LABEL: big:
// HUGE-NOT: %rbp
// HUGE-NOT: andq $-{{[0-9]+}}, %rsp
// HUGE: retq
void big(void) {
  char __attribute__((aligned(64))) b[64];
  extern void use(char *);
  use(b);
  __asm__ volatile("" ::: "memory");
}
#endif
