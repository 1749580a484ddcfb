; Loads and stores through an arbitrary pointer are masked to the low 32 bits
; and made %gs-relative (address space 256); stores-only mode leaves loads.
; RUN: %opt -sfi-ir-masks -passes=sfi -S %s | %FileCheck %s --check-prefixes=CHECK,FULL
; RUN: %opt -sfi-ir-masks -passes='sfi<stores>' -S %s | %FileCheck %s --check-prefixes=CHECK,STORES
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define i32 @load(
; FULL: [[FR:%.*]] = freeze ptr %p
; FULL: [[I:%.*]] = ptrtoint ptr [[FR]] to i64
; FULL: [[OFF:%.*]] = and i64 [[I]], 4294967295
; FULL: [[GS:%.*]] = inttoptr i64 [[OFF]] to ptr addrspace(256)
; FULL: load i32, ptr addrspace(256) [[GS]]
; STORES: load i32, ptr %p
define i32 @load(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

; CHECK-LABEL: define void @store(
; CHECK: [[OFF:%.*]] = and i64 {{%.*}}, 4294967295
; CHECK: [[GS:%.*]] = inttoptr i64 [[OFF]] to ptr addrspace(256)
; CHECK: store i32 %v, ptr addrspace(256) [[GS]]
define void @store(ptr %p, i32 %v) {
  store i32 %v, ptr %p
  ret void
}

; Volatile, vector and aggregate accesses are masked like any other.
; CHECK-LABEL: define void @kinds(
; CHECK: store volatile i32 1, ptr addrspace(256)
; CHECK: store <8 x i32> %v, ptr addrspace(256)
; CHECK: store { i32, i64 } %a, ptr addrspace(256)
; FULL: load volatile i8, ptr addrspace(256)
; STORES: load volatile i8, ptr %p
define void @kinds(ptr %p, <8 x i32> %v, { i32, i64 } %a) {
  store volatile i32 1, ptr %p
  store <8 x i32> %v, ptr %p
  store { i32, i64 } %a, ptr %p
  %x = load volatile i8, ptr %p
  ret void
}

; A store through a constant address (e.g. *(int *)0x1000) is masked too.
; CHECK-LABEL: define void @constant_address(
; CHECK: [[FR:%.*]] = freeze ptr inttoptr (i64 81985529216486895 to ptr)
; CHECK: [[I:%.*]] = ptrtoint ptr [[FR]] to i64
; CHECK: and i64 [[I]], 4294967295
define void @constant_address() {
  store i32 7, ptr inttoptr (i64 81985529216486895 to ptr)
  ret void
}
