// ifunc resolvers would run unsandboxed in a loader: refused.
// RUN: %not %sfi-clang -O2 -c %s -o /dev/null 2>&1 | %FileCheck %s
// CHECK: error: libsfi: {{.*}}ifunc.c: ifunc 'f' is not allowed in sandboxed code
static int impl(void) { return 1; }
int f(void) __attribute__((ifunc("resolve")));
static void *resolve(void) { return impl; }
