; Masked vector loads/stores take a flat region pointer; gathers and
; scatters mask every lane. In stores-only mode only the writes.
; RUN: %opt -sfi-ir-masks -passes=sfi -S %s | %FileCheck %s --check-prefixes=CHECK,FULL
; RUN: %opt -sfi-ir-masks -passes='sfi<stores>' -S %s | %FileCheck %s --check-prefixes=CHECK,STORES
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define <8 x i32> @mload(
; FULL: call <8 x i32> @llvm.masked.load.v8i32.p0(ptr %sfi.flat
; STORES: call <8 x i32> @llvm.masked.load.v8i32.p0(ptr %p
define <8 x i32> @mload(ptr %p, <8 x i1> %m) {
  %v = call <8 x i32> @llvm.masked.load.v8i32.p0(ptr %p, i32 4, <8 x i1> %m, <8 x i32> zeroinitializer)
  ret <8 x i32> %v
}

; CHECK-LABEL: define void @mstore(
; CHECK: call void @llvm.masked.store.v8i32.p0(<8 x i32> %v, ptr %sfi.flat
define void @mstore(ptr %p, <8 x i32> %v, <8 x i1> %m) {
  call void @llvm.masked.store.v8i32.p0(<8 x i32> %v, ptr %p, i32 4, <8 x i1> %m)
  ret void
}

; CHECK-LABEL: define void @scatter(
; CHECK: [[I:%.*]] = ptrtoint <4 x ptr> {{%.*}} to <4 x i64>
; CHECK: [[O:%.*]] = and <4 x i64> [[I]], <i64 4294967295, i64 4294967295, i64 4294967295, i64 4294967295>
; CHECK: [[L:%.*]] = getelementptr i8, ptr %sfi.base, <4 x i64> [[O]]
; CHECK: call void @llvm.masked.scatter.v4i32.v4p0(<4 x i32> %v, <4 x ptr> [[L]]
define void @scatter(<4 x ptr> %ps, <4 x i32> %v, <4 x i1> %m) {
  call void @llvm.masked.scatter.v4i32.v4p0(<4 x i32> %v, <4 x ptr> %ps, i32 4, <4 x i1> %m)
  ret void
}

; CHECK-LABEL: define <4 x i32> @gather(
; FULL: and <4 x i64>
; FULL: call <4 x i32> @llvm.masked.gather.v4i32.v4p0(<4 x ptr> %sfi.lanes
; STORES: call <4 x i32> @llvm.masked.gather.v4i32.v4p0(<4 x ptr> %ps
define <4 x i32> @gather(<4 x ptr> %ps, <4 x i1> %m) {
  %v = call <4 x i32> @llvm.masked.gather.v4i32.v4p0(<4 x ptr> %ps, i32 4, <4 x i1> %m, <4 x i32> zeroinitializer)
  ret <4 x i32> %v
}

; CHECK-LABEL: define void @prefetch(
; FULL: call void @llvm.prefetch.p0(ptr %sfi.flat
define void @prefetch(ptr %p) {
  call void @llvm.prefetch.p0(ptr %p, i32 0, i32 3, i32 1)
  ret void
}

declare <8 x i32> @llvm.masked.load.v8i32.p0(ptr, i32, <8 x i1>, <8 x i32>)
declare void @llvm.masked.store.v8i32.p0(<8 x i32>, ptr, i32, <8 x i1>)
declare void @llvm.masked.scatter.v4i32.v4p0(<4 x i32>, <4 x ptr>, i32, <4 x i1>)
declare <4 x i32> @llvm.masked.gather.v4i32.v4p0(<4 x ptr>, i32, <4 x i1>, <4 x i32>)
declare void @llvm.prefetch.p0(ptr, i32, i32, i32)
