// size-copies.c: under optsize and minsize x86 code generation expands a
// constant-length memcpy or memset beyond its inline move limit into
// `rep movs`/`rep stos` (any length at -Oz, up to 128 bytes at -Os or
// without SSE), which the machine pass refuses; the pass makes exactly
// those copies calls of the sandbox libc (issue 14, found by
// tests/fuzz/lsr_hunt.sh: struct copies, byval arguments and `= {0}` of
// more than 64 bytes failed to compile at -Oz, aligned copies of 72..128
// bytes at -Os). Every level, both modes and -mno-sse build, pass the
// verifier at load and print what the native build prints.
// RUN: for O in 0 1 2 3 s z; do for M in full stores; do sfi-cc -O$O -fsfi-mode=$M %s -o %t.$O.$M.so || exit 1; sfi-run %t.$O.$M.so > %t.$O.$M.out || exit 1; done; done
// RUN: for O in 2 s z; do sfi-cc -O$O -mno-sse %s -o %t.nosse.$O.so || exit 1; sfi-run %t.nosse.$O.so > %t.nosse.$O.out || exit 1; done
// RUN: clang-22 -O1 %s -o %t.native && %t.native > %t.native.out
// RUN: for f in %t.*.out; do cmp %t.native.out $f || exit 1; done
// RUN: FileCheck %s < %t.z.full.out
// CHECK: sum 53030
// RUN: sfi-cc -Oz -c %s -o %t.z.o && llvm-objdump-22 -d --no-show-raw-insn %t.z.o | FileCheck %s --check-prefix=ASM
// RUN: sfi-cc -Os -c %s -o %t.s.o && llvm-objdump-22 -d --no-show-raw-insn %t.s.o | FileCheck %s --check-prefix=ASM
// ASM-NOT: {{rep|movs[bwlq] |stos[bwlq] }}
#include <stdio.h>
#include <string.h>

struct big { long v[40]; };        // 320 bytes: -Oz
struct mid { long v[12]; };        // 96 bytes: aligned, -Os
struct odd { char c[77]; };        // unaligned
__attribute__((noinline)) long take(struct big b, int i) {
  return b.v[i % 40] + b.v[39 - i % 40];
}
__attribute__((noinline)) void copy_mid(struct mid *d, const struct mid *s) {
  *d = *s;
}
__attribute__((noinline)) void copy_odd(struct odd *d, const struct odd *s) {
  *d = *s;
}
__attribute__((noinline)) long zeroed(int k) {
  char buf[200] = {0};
  long w[25];
  memset(w, k, sizeof w);
  buf[k % 200] = (char)k;
  long s = 0;
  for (int i = 0; i < 200; i++) s += buf[i] * (i + 1);
  return s + (w[k % 25] & 0xff);
}

int main(void) {
  struct big b;
  struct mid m1, m2;
  struct odd o1, o2;
  for (int i = 0; i < 40; i++) b.v[i] = i * 3 + 1;
  for (int i = 0; i < 12; i++) m1.v[i] = i * i;
  for (int i = 0; i < 77; i++) o1.c[i] = (char)(i * 7);
  long s = 0;
  for (int i = 0; i < 50; i++) {
    b.v[i % 40] += i;
    s += take(b, i);
    m1.v[i % 12] ^= i;
    copy_mid(&m2, &m1);
    s += m2.v[(i * 5) % 12];
    o1.c[i % 77] += 1;
    copy_odd(&o2, &o1);
    s += o2.c[(i * 3) % 77];
    s += zeroed(i);
  }
  printf("sum %ld\n", s);
  return 0;
}
