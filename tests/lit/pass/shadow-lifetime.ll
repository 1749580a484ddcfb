; A local that moves to the shadow stack keeps no lifetime marker on its
; new address: LLVM 22's IR verifier accepts lifetime.start/end only on an
; alloca or poison (opt verifies the output; sfi-cc's clang does not).
; RUN: %opt -passes=sfi -S %s | %FileCheck %s
; RUN: %opt -sfi-ir-masks -passes=sfi -S %s | %FileCheck %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare void @use(ptr)
declare void @llvm.lifetime.start.p0(ptr)
declare void @llvm.lifetime.end.p0(ptr)

; CHECK-LABEL: define {{.*}}i32 @escapes(
; CHECK-NOT: alloca [64 x i8]
; CHECK: call void @llvm.lifetime.start.p0(ptr poison)
; CHECK: call void @use(
; CHECK: call void @llvm.lifetime.end.p0(ptr poison)
define i32 @escapes() {
  %buf = alloca [64 x i8], align 16
  call void @llvm.lifetime.start.p0(ptr %buf)
  call void @use(ptr %buf)
  %v = load i8, ptr %buf, align 1
  call void @llvm.lifetime.end.p0(ptr %buf)
  %r = zext i8 %v to i32
  ret i32 %r
}
