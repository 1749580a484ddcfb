// Sanitizers instrument after the pass, with unmasked accesses to shadow
// memory in the host: the pass refuses instrumented functions, and sfi-cc
// refuses the flags.
// RUN: %not %sfi-clang -O2 -fsanitize=address -c %s -o /dev/null 2>&1 | %FileCheck %s
// RUN: %not %sfi-clang -O2 -fsanitize=thread -c %s -o /dev/null 2>&1 | %FileCheck %s
// RUN: %not %bindir/sfi-cc -O2 -fsanitize=address -c %s -o /dev/null 2>&1 | %FileCheck %s --check-prefix=DRIVER
// RUN: %not %sfi-clang -O2 -fsanitize=safe-stack -c %s -o /dev/null 2>&1 | %FileCheck %s
// CHECK: error: libsfi: sanitizer instrumentation (-fsanitize=address, memory, thread, safe-stack, ...) is not supported in sandboxed code
// DRIVER: sfi-cc: error: '-fsanitize=address' is not supported for sandboxed code
int f(int *p) { return *p; }
