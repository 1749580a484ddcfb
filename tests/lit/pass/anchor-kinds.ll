; The anchor scheme in both modes: every kind of access goes through
; region base + (p & 0xffffffff) as a flat pointer; stores-only leaves loads.
; RUN: %opt -sfi-ir-masks -passes='sfi<anchor>' -S %s | %FileCheck %s --check-prefixes=CHECK,FULL
; RUN: %opt -sfi-ir-masks -passes='sfi<anchor;stores>' -S %s | %FileCheck %s --check-prefixes=CHECK,STORES
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define i32 @kinds(
; CHECK: %sfi.base = inttoptr i64 {{%.*}} to ptr
; CHECK: [[OFF:%.*]] = and i64 {{%.*}}, 4294967295
; CHECK: %sfi.flat = getelementptr i8, ptr %sfi.base, i64 [[OFF]]
; CHECK: store i32 %v, ptr %sfi.flat
; CHECK: store volatile <8 x i32> %w, ptr %sfi.flat
; CHECK: atomicrmw add ptr %sfi.flat, i32 1 seq_cst
; CHECK: cmpxchg ptr %sfi.flat, i32 0, i32 %v seq_cst seq_cst
; FULL: load i32, ptr %sfi.flat
; STORES: load i32, ptr %p
; FULL: load atomic i32, ptr %sfi.flat acquire
; STORES: load atomic i32, ptr %p acquire
; CHECK-NOT: addrspace(256)
define i32 @kinds(ptr %p, i32 %v, <8 x i32> %w) {
  store i32 %v, ptr %p
  store volatile <8 x i32> %w, ptr %p
  %o = atomicrmw add ptr %p, i32 1 seq_cst
  %c = cmpxchg ptr %p, i32 0, i32 %v seq_cst seq_cst
  %x = load i32, ptr %p
  %y = load atomic i32, ptr %p acquire, align 4
  %s = add i32 %x, %y
  ret i32 %s
}
