// Only the C calling convention is allowed: the others move the callee-saved
// set, pass arguments in registers the sandbox reserves, or end in iretq.
// Every definition, call of a declaration and indirect call is refused at
// its source line.
// RUN: %not %sfi-clang -O2 -g -c %s -o /dev/null 2>&1 | %FileCheck %s
// RUN: %not %sfi-clang -O0 -g -c %s -o /dev/null 2>&1 | %FileCheck %s
struct frame;

// CHECK-DAG: calling-conventions.c:[[@LINE+1]]:{{.*}}error: libsfi: function 'f_none' with calling convention preserve_nonecc is not allowed in sandboxed code (only the C calling convention is)
__attribute__((preserve_none)) int f_none(int x) { return x; }
// CHECK-DAG: calling-conventions.c:[[@LINE+1]]:{{.*}}error: libsfi: function 'f_most' with calling convention preserve_mostcc
__attribute__((preserve_most)) int f_most(int x) { return x; }
// CHECK-DAG: calling-conventions.c:[[@LINE+1]]:{{.*}}error: libsfi: function 'f_all' with calling convention preserve_allcc
__attribute__((preserve_all)) int f_all(int x) { return x; }
// CHECK-DAG: calling-conventions.c:[[@LINE+1]]:{{.*}}error: libsfi: function '__regcall3__f_reg' with calling convention x86_regcallcc
__attribute__((regcall)) int f_reg(int x) { return x; }
// CHECK-DAG: calling-conventions.c:[[@LINE+1]]:{{.*}}error: libsfi: function 'f_vec' with calling convention x86_vectorcallcc
__attribute__((vectorcall)) int f_vec(int x) { return x; }
// CHECK-DAG: calling-conventions.c:[[@LINE+1]]:{{.*}}error: libsfi: function 'f_ms' with calling convention win64cc (ms_abi)
__attribute__((ms_abi)) int f_ms(int x) { return x; }
// CHECK-DAG: calling-conventions.c:[[@LINE+1]]:{{.*}}error: libsfi: function 'f_swift' with calling convention swiftcc
__attribute__((swiftcall)) int f_swift(int x) { return x; }
// CHECK-DAG: calling-conventions.c:[[@LINE+1]]:{{.*}}error: libsfi: function 'f_async' with calling convention swifttailcc
__attribute__((swiftasynccall)) void f_async(void) {}
// CHECK-DAG: calling-conventions.c:[[@LINE+1]]:{{.*}}error: libsfi: function 'f_intr' with calling convention x86_intrcc (interrupt)
__attribute__((interrupt)) void f_intr(struct frame *p) { (void)p; }

// sysv_abi is the C convention: no error for it.
// CHECK-NOT: 'f_sysv'
__attribute__((sysv_abi)) int f_sysv(int x) { return x; }

__attribute__((preserve_none)) int ext_none(int);
__attribute__((preserve_most)) int ext_most(int);
int call_ext(int x) {
  // CHECK-DAG: calling-conventions.c:[[@LINE+1]]:{{.*}}error: libsfi: call to 'ext_none' with calling convention preserve_nonecc is not allowed
  return ext_none(x) +
         // CHECK-DAG: calling-conventions.c:[[@LINE+1]]:{{.*}}error: libsfi: call to 'ext_most' with calling convention preserve_mostcc
         ext_most(x);
}

int (*__attribute__((preserve_all)) fp)(int);
int call_indirect(int x) {
  // CHECK-DAG: calling-conventions.c:[[@LINE+1]]:{{.*}}error: libsfi: indirect call with calling convention preserve_allcc is not allowed
  return fp(x);
}
