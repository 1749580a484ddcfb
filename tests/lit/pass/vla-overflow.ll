; A VLA whose byte size overflows (count * size, or the rounding) traps
; instead of getting a wrapped, tiny frame.
; RUN: %opt -passes=sfi -S %s | %FileCheck %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"
declare void @use(ptr)
; CHECK-LABEL: define void @vla(
; CHECK: [[M:%.*]] = call { i64, i1 } @llvm.umul.with.overflow.i64(i64 %n, i64 8)
; CHECK: [[B:%.*]] = extractvalue { i64, i1 } [[M]], 0
; CHECK: [[BIG:%.*]] = icmp ugt i64 [[B]], 4294967296
; CHECK: [[OV:%.*]] = extractvalue { i64, i1 } [[M]], 1
; CHECK: [[BAD:%.*]] = or i1 [[OV]], [[BIG]]
; CHECK: or i1 {{%.*}}, [[BAD]]
; CHECK: br i1 {{%.*}}, label %sfi.stack.trap
define void @vla(i64 %n) {
  %a = alloca i64, i64 %n
  call void @use(ptr %a)
  ret void
}
