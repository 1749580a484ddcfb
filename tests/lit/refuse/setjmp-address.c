// setjmp must be called directly (the pass releases a function's saved
// contexts when it returns; a call through a pointer would bypass that).
// RUN: %not %sfi-clang -O0 -c %s -o /dev/null 2>&1 | %FileCheck %s
// CHECK: error: libsfi: {{.*}}the address of 'setjmp' may not be taken in sandboxed code
#include <setjmp.h>
int (*p)(jmp_buf) = setjmp;
