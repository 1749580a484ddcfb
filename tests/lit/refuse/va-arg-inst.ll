; The va_arg IR instruction (lowered by the backend through unmasked
; pointers) is refused; clang lowers C's va_arg itself.
; RUN: %not %opt -passes=sfi -disable-output %s 2>&1 | %FileCheck %s
; CHECK: error: {{.*}}in function f {{.*}}libsfi: the va_arg instruction is not supported
target triple = "x86_64-pc-linux-gnu"
define i32 @f(ptr %ap) {
  %v = va_arg ptr %ap, i32
  ret i32 %v
}
