// __builtin_frame_address(N > 0) and __builtin_return_address expose the
// native stack: refused (level 0 is the shadow stack pointer: asm-barrier.c).
// Without -g the error names the function's line; with -g the exact line.
// RUN: %not %sfi-clang -O2 -c %s -o /dev/null 2>&1 | %FileCheck %s --check-prefix=NOG
// RUN: %not %sfi-clang -O2 -g -c %s -o /dev/null 2>&1 | %FileCheck %s --check-prefix=G
// NOG: frameaddress.c:9:7: error: libsfi: intrinsic llvm.frameaddress.p0 cannot be made safe
// G: frameaddress.c:10:10: error: libsfi: intrinsic llvm.frameaddress.p0 cannot be made safe
// G: frameaddress.c:13:10: error: libsfi: intrinsic llvm.returnaddress cannot be made safe
void *f(void) {
  return __builtin_frame_address(1);
}
void *g(void) {
  return __builtin_return_address(0);
}
