; Unrolled accesses p[i], p[i+1] (add or `or disjoint`), p[j+1] with an int
; index widened after the add, share one mask: the constant parts fold into
; the accesses.
; RUN: %opt -sfi-ir-masks -passes=sfi -S %s | %FileCheck %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define double @sum(
; CHECK: %sfi.split = getelementptr i8, ptr %p, i64 [[SC:%.*]]
; CHECK: [[GS:%.*]] = inttoptr i64 {{%.*}} to ptr addrspace(256)
; CHECK-NOT: inttoptr
; CHECK: load double, ptr addrspace(256) [[GS]]
; CHECK: [[F1:%.*]] = getelementptr i8, ptr addrspace(256) [[GS]], i64 8
; CHECK: load double, ptr addrspace(256) [[F1]]
; CHECK: [[F2:%.*]] = getelementptr i8, ptr addrspace(256) [[GS]], i64 16
; CHECK: load double, ptr addrspace(256) [[F2]]
define double @sum(ptr %p, i64 %i) {
  %i0 = shl i64 %i, 2
  %a = getelementptr inbounds double, ptr %p, i64 %i0
  %x = load double, ptr %a
  %i1 = or disjoint i64 %i0, 1
  %b = getelementptr inbounds double, ptr %p, i64 %i1
  %y = load double, ptr %b
  %i2 = add nuw i64 %i0, 2
  %c = getelementptr inbounds double, ptr %p, i64 %i2
  %z = load double, ptr %c
  %s = fadd double %x, %y
  %t = fadd double %s, %z
  ret double %t
}

; CHECK-LABEL: define i32 @widened(
; CHECK: [[W:%.*]] = sext i32 %j to i64
; CHECK: %sfi.split = getelementptr i8, ptr %p, i64 {{%.*}}
; CHECK: getelementptr i8, ptr addrspace(256) {{%.*}}, i64 4
define i32 @widened(ptr %p, i32 %j) {
  %j1 = add nsw i32 %j, 1
  %w = sext i32 %j1 to i64
  %a = getelementptr inbounds i32, ptr %p, i64 %w
  %v = load i32, ptr %a
  ret i32 %v
}
