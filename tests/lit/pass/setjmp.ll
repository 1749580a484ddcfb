; setjmp/longjmp and their variants become calls into the runtime, which
; keeps the saved context; the jmp_buf only holds the handle it checks.
; RUN: %opt -passes=sfi -S %s | %FileCheck %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define i32 @f(
; CHECK: call i32 @__sfi_sys_setjmp(ptr %buf) #[[RT:[0-9]+]]
; CHECK: call i32 @__sfi_sys_setjmp(ptr %buf)
; CHECK: call void @__sfi_sys_longjmp(ptr %buf, i32 1) #[[NR:[0-9]+]]
; CHECK: call void @__sfi_sys_setjmp_leave()
; CHECK-NEXT: ret i32 %c
; CHECK-NOT: call {{.*}}@setjmp
; CHECK-NOT: call {{.*}}@longjmp
; CHECK-DAG: attributes #[[RT]] = { {{(nobuiltin )?}}returns_twice }
; CHECK-DAG: attributes #[[NR]] = { {{(nobuiltin )?}}noreturn }
define i32 @f(ptr %buf) {
  %a = call i32 @setjmp(ptr %buf) returns_twice
  %b = call i32 @sigsetjmp(ptr %buf, i32 1) returns_twice
  %c = add i32 %a, %b
  %z = icmp eq i32 %c, 0
  br i1 %z, label %jump, label %done
jump:
  call void @longjmp(ptr %buf, i32 1) noreturn
  unreachable
done:
  ret i32 %c
}
declare i32 @setjmp(ptr) returns_twice
declare i32 @sigsetjmp(ptr, i32) returns_twice
declare void @longjmp(ptr, i32) noreturn
