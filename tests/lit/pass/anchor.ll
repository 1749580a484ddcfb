; The anchor scheme reaches the region through a base computed from a
; rip-relative symbol of the module (rounded down to 4 GiB) instead of %gs.
; RUN: %opt -sfi-ir-masks -passes='sfi<anchor>' -S %s | %FileCheck %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define i32 @load(
; CHECK: [[B:%.*]] = and i64 ptrtoint (ptr @__sfi_ssp to i64), -4294967296
; CHECK: [[BASE:%.*]] = inttoptr i64 [[B]] to ptr
; CHECK: [[OFF:%.*]] = and i64 {{%.*}}, 4294967295
; CHECK: [[FLAT:%.*]] = getelementptr i8, ptr [[BASE]], i64 [[OFF]]
; CHECK: [[F:%.*]] = getelementptr i8, ptr [[FLAT]], i64 8
; CHECK: load i32, ptr [[F]]
; CHECK-NOT: addrspace(256)
define i32 @load(ptr %p) {
  %q = getelementptr i8, ptr %p, i64 8
  %v = load i32, ptr %q
  ret i32 %v
}
