// vector-gather.c: with -mavx2 or AVX-512 (-march=native) the loop
// vectorizer turns indexed loads and conditional indexed stores into
// llvm.masked.gather/scatter, whose instructions address memory through a
// vector of indices that no segment override confines: the machine pass
// refused them, so these plain loops failed to compile (issue 14's
// lsr_hunt.sh). The pass now asks code generation to prefer no gathers or
// scatters (it scalarizes them into ordinary, confined accesses).
// RUN: sfi-cc -O2 -march=x86-64-v4 -c %s -o %t.v4.o
// RUN: llvm-objdump-22 -d --no-show-raw-insn %t.v4.o | FileCheck %s
// RUN: sfi-cc -O3 -mavx2 -mfma -funroll-loops -c %s -o %t.avx2.o
// RUN: llvm-objdump-22 -d --no-show-raw-insn %t.avx2.o | FileCheck %s
// CHECK-NOT: {{v(p)?(gather|scatter)}}
// Run where the CPU has the instructions.
// RUN: if grep -qw avx2 /proc/cpuinfo; then sfi-cc -O2 -mavx2 %s -o %t.so && sfi-run %t.so > %t.out && clang-22 -O2 -mavx2 %s -o %t.native && %t.native > %t.native.out && cmp %t.out %t.native.out; fi
// RUN: if grep -qw avx512f /proc/cpuinfo; then sfi-cc -O2 -march=x86-64-v4 %s -o %t.v4.so && sfi-run %t.v4.so > %t.v4.out && clang-22 -O2 -march=x86-64-v4 %s -o %t.v4.native && %t.v4.native > %t.v4.native.out && cmp %t.v4.out %t.v4.native.out; fi
#include <stdio.h>

#define N 1000
float src[N], dst[N];
int idx[N], isrc[N], idst[N];
long lsum[N];

__attribute__((noinline)) void gather(float *restrict d, const float *s,
                                      const int *ix, int n) {
  for (int i = 0; i < n; i++) d[i] = s[ix[i]] * 2.0f;
}
__attribute__((noinline)) void scatter(int *d, const int *s, const int *ix,
                                       int n) {
  for (int i = 0; i < n; i++)
    if (s[i] > 0) d[ix[i]] = s[i];
}
__attribute__((noinline)) void gather64(long *restrict d, const int *s,
                                        const long *ix, int n) {
  for (int i = 0; i < n; i++) d[i] += s[ix[i]];
}

int main(void) {
  static long lix[N];
  for (int i = 0; i < N; i++) {
    src[i] = (float)(i % 37) * 0.5f;
    idx[i] = (i * 389) % N;
    isrc[i] = (i % 7) - 3;
    lix[i] = (i * 13) % N;
  }
  gather(dst, src, idx, N);
  scatter(idst, isrc, idx, N);
  gather64(lsum, isrc, lix, N);
  double s = 0;
  long t = 0;
  for (int i = 0; i < N; i++) {
    s += dst[i] * (i % 5);
    t += idst[i] * (i % 11) + lsum[i];
  }
  printf("%.1f %ld\n", s, t);
  return 0;
}
