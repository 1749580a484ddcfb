; An escaping local moves to the shadow stack; its lifetime markers go with
; the alloca (they may only name an alloca: a module keeping them on a
; shadow stack slot is invalid, and an -flto link of it aborts).
; RUN: %opt -passes=sfi -S %s | %FileCheck %s
; RUN: %opt -passes=sfi,verify -disable-output %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare void @use(ptr)

; CHECK-LABEL: define i32 @f(
; CHECK-NOT: llvm.lifetime
; CHECK: call void @use(
; CHECK-NOT: llvm.lifetime
; CHECK: ret i32
define i32 @f() {
entry:
  %buf = alloca [64 x i32], align 16
  call void @llvm.lifetime.start.p0(ptr %buf)
  call void @use(ptr %buf)
  %v = load i32, ptr %buf
  call void @llvm.lifetime.end.p0(ptr %buf)
  ret i32 %v
}

; Two locals in one shadow frame, markers inside a loop.
; CHECK-LABEL: define i32 @g(
; CHECK-NOT: llvm.lifetime
; CHECK: ret i32
define i32 @g(i32 %n) {
entry:
  %a = alloca [8 x i64], align 16
  %b = alloca [8 x i64], align 16
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  call void @llvm.lifetime.start.p0(ptr nonnull %a)
  call void @llvm.lifetime.start.p0(ptr nonnull %b)
  call void @use(ptr %a)
  call void @use(ptr %b)
  call void @llvm.lifetime.end.p0(ptr nonnull %b)
  call void @llvm.lifetime.end.p0(ptr nonnull %a)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %done
done:
  ret i32 %i1
}
