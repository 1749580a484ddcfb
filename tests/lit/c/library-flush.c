// A library module never calls exit(), so its stdio buffers are flushed
// when the host frees the instance (stdout is a pipe here: fully buffered).
// RUN: %bindir/sfi-cc -O2 -shared %S/Inputs/libprint.c -o %t.so
// RUN: %clang -O1 -I%srcroot/runtime/include %s %bindir/../lib/libsfirt.a -lZydis -lpthread -lm -o %t.host
// RUN: %t.host %t.so | %FileCheck %s
// CHECK: host: rc=0 ret=42
// CHECK-NEXT: hello from the library 41
// CHECK-NEXT: host: freed, last error kept: no error
#include <stdio.h>
#include "sfi.h"
int main(int argc, char **argv) {
  sfi_module *m = sfi_module_load(argv[1], NULL, NULL);
  if (!m)
    return 1;
  sfi_instance *in = sfi_instance_new(m, NULL);
  sfi_val a = SFI_I32(41), r;
  int rc = sfi_call(in, "hello", "i:i", &a, &r);
  printf("host: rc=%d ret=%d\n", rc, r.i32);
  fflush(stdout);
  sfi_instance_free(in);
  printf("host: freed, last error kept: %s\n", sfi_errmsg());
  sfi_module_free(m);
  return 0;
}
