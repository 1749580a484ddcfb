; thread_local variables become ordinary per-instance globals (one thread
; runs an instance at a time); %fs-relative TLS would reach the host's
; thread block.
; RUN: %opt -passes=sfi -S %s | %FileCheck %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; CHECK: @counter = global i32 0
; CHECK-NOT: thread_local
@counter = thread_local global i32 0

; CHECK-LABEL: define i32 @bump(
; CHECK-NOT: llvm.threadlocal.address
; CHECK: load i32, ptr @counter
define i32 @bump() {
  %p = call ptr @llvm.threadlocal.address.p0(ptr @counter)
  %v = load i32, ptr %p
  %n = add i32 %v, 1
  store i32 %n, ptr %p
  ret i32 %n
}
declare ptr @llvm.threadlocal.address.p0(ptr)
