; What the pass emits verifies: the whole pipeline runs the verifier after
; the pass in both modes and both schemes and reports nothing.
; RUN: %opt -sfi-ir-masks -passes=sfi,sfi-verify -disable-output %s 2>&1 | %FileCheck %s --allow-empty
; RUN: %opt -sfi-ir-masks -passes='sfi<stores>,sfi-verify<stores>' -disable-output %s 2>&1 | %FileCheck %s --allow-empty
; RUN: %opt -sfi-ir-masks -passes='sfi<anchor>,sfi-verify<anchor>' -disable-output %s 2>&1 | %FileCheck %s --allow-empty
; CHECK-NOT: verifier
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"
@g = global [4 x i32] zeroinitializer
declare void @use(ptr)
define i32 @f(ptr %p, ptr %fp, i64 %n, ptr %q) {
  %a = alloca [4 x i32]
  call void @use(ptr %a)
  %v = load i32, ptr %p
  store i32 %v, ptr %q
  call void %fp()
  call void @llvm.memset.p0.i64(ptr %p, i8 0, i64 %n, i1 false)
  %w = load i32, ptr getelementptr ([4 x i32], ptr @g, i64 0, i64 2)
  ret i32 %w
}
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
