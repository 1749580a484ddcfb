; C++ exceptions (invoke/landingpad) are refused for now.
; RUN: %not %opt -passes=sfi -disable-output %s 2>&1 | %FileCheck %s
; CHECK: error: {{.*}}in function f {{.*}}libsfi: exceptions and asm goto are not supported in sandboxed code
target triple = "x86_64-pc-linux-gnu"
declare void @may_throw()
declare i32 @__gxx_personality_v0(...)
define void @f() personality ptr @__gxx_personality_v0 {
  invoke void @may_throw() to label %ok unwind label %lp
ok:
  ret void
lp:
  %x = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %x
}
