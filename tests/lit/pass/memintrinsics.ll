; memcpy/memmove/memset get a range check: (uint32_t)p + len must not pass
; 4 GiB (computed without overflow), else a bounds trap (ud1 0x51); then the
; pointer becomes a flat region address. Small constant lengths fold under
; the guard zone and need no check. In stores-only mode only destinations
; are checked.
; RUN: %opt -sfi-ir-masks -passes=sfi -S %s | %FileCheck %s --check-prefixes=CHECK,FULL
; RUN: %opt -sfi-ir-masks -passes='sfi<stores>' -S %s | %FileCheck %s --check-prefixes=CHECK,STORES
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define void @copy(
; CHECK: [[OFF:%.*]] = and i64 {{%.*}}, 4294967295
; CHECK: [[ROOM:%.*]] = sub i64 4294967296, [[OFF]]
; CHECK: [[OOB:%.*]] = icmp ugt i64 %n, [[ROOM]]
; CHECK: br i1 [[OOB]], label %sfi.bounds.trap, label %sfi.range.ok
; FULL: sfi.range.ok:
; FULL: br i1 {{%.*}}, label %sfi.bounds.trap
; STORES: call void @llvm.memcpy.p0.p0.i64(ptr %sfi.flat, ptr %s, i64 %n, i1 false)
; FULL: call void @llvm.memcpy.p0.p0.i64(ptr %sfi.flat{{.*}}, ptr %sfi.flat{{.*}}, i64 %n, i1 false)
; CHECK: sfi.bounds.trap:
; CHECK-NEXT: call void @llvm.ubsantrap(i8 81)
; CHECK-NEXT: unreachable
define void @copy(ptr %d, ptr %s, i64 %n) {
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 %n, i1 false)
  ret void
}

; CHECK-LABEL: define void @set(
; CHECK: icmp ugt i64 %n, {{%.*}}
; CHECK: call void @llvm.memset.p0.i64(ptr %sfi.flat, i8 0, i64 %n, i1 false)
define void @set(ptr %d, i64 %n) {
  call void @llvm.memset.p0.i64(ptr %d, i8 0, i64 %n, i1 false)
  ret void
}

; CHECK-LABEL: define void @move_small(
; CHECK-NOT: icmp ugt
; CHECK: call void @llvm.memmove.p0.p0.i64(ptr %sfi.flat
; CHECK-SAME: i64 16
define void @move_small(ptr %d, ptr %s) {
  call void @llvm.memmove.p0.p0.i64(ptr %d, ptr %s, i64 16, i1 false)
  ret void
}

; A constant length beyond the fold limit is checked like a variable one.
; CHECK-LABEL: define void @set_big(
; CHECK: icmp ugt i64 1048576
define void @set_big(ptr %d) {
  call void @llvm.memset.inline.p0.i64(ptr %d, i8 1, i64 1048576, i1 false)
  ret void
}

; CHECK-LABEL: define void @atomic_copy(
; CHECK: icmp ugt i64 %n
; CHECK: call void @llvm.memcpy.element.unordered.atomic.p0.p0.i64(ptr align 4 %sfi.flat
define void @atomic_copy(ptr %d, ptr %s, i64 %n) {
  call void @llvm.memcpy.element.unordered.atomic.p0.p0.i64(ptr align 4 %d, ptr align 4 %s, i64 %n, i32 4)
  ret void
}

declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
declare void @llvm.memset.inline.p0.i64(ptr, i8, i64, i1)
declare void @llvm.memcpy.element.unordered.atomic.p0.p0.i64(ptr, ptr, i64, i32)
