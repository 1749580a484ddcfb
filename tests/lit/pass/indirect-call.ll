; An indirect call masks its target into the jump table without a branch:
; offset from __start_sfi_jt, rounded down to an entry, and zeroed (the
; trap entry) unless it is below the table size.
; RUN: %opt -sfi-ir-masks -passes=sfi -S %s | %FileCheck %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define i32 @call(
; CHECK: [[FR:%.*]] = freeze ptr %f
; CHECK: [[T:%.*]] = ptrtoint ptr [[FR]] to i64
; CHECK: [[OFF:%.*]] = sub i64 [[T]], ptrtoint (ptr @__start_sfi_jt to i64)
; CHECK: [[AL:%.*]] = and i64 [[OFF]], -16
; CHECK: [[IN:%.*]] = icmp ult i64 [[AL]], sub (i64 ptrtoint (ptr @__stop_sfi_jt to i64), i64 ptrtoint (ptr @__start_sfi_jt to i64))
; CHECK: [[M:%.*]] = sext i1 [[IN]] to i64
; CHECK: [[SAFE:%.*]] = and i64 [[AL]], [[M]]
; CHECK: [[TGT:%.*]] = getelementptr i8, ptr @__start_sfi_jt, i64 [[SAFE]]
; CHECK: call i32 [[TGT]](i32 %x)
define i32 @call(ptr %f, i32 %x) {
  %r = call i32 %f(i32 %x)
  ret i32 %r
}

; Tail calls too.
; CHECK-LABEL: define void @tail(
; CHECK: tail call void %sfi.jt.target()
define void @tail(ptr %f) {
  tail call void %f()
  ret void
}
