; Atomic load/store, atomicrmw and cmpxchg are masked; in stores-only mode
; atomicrmw and cmpxchg still are (they write), atomic loads are not.
; RUN: %opt -sfi-ir-masks -passes=sfi -S %s | %FileCheck %s --check-prefixes=CHECK,FULL
; RUN: %opt -sfi-ir-masks -passes='sfi<stores>' -S %s | %FileCheck %s --check-prefixes=CHECK,STORES
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define i32 @rmw(
; CHECK: atomicrmw add ptr addrspace(256) {{%.*}}, i32 1 seq_cst
define i32 @rmw(ptr %p) {
  %o = atomicrmw add ptr %p, i32 1 seq_cst
  ret i32 %o
}

; CHECK-LABEL: define i1 @cas(
; CHECK: cmpxchg ptr addrspace(256) {{%.*}}, i64 %a, i64 %b seq_cst seq_cst
define i1 @cas(ptr %p, i64 %a, i64 %b) {
  %r = cmpxchg ptr %p, i64 %a, i64 %b seq_cst seq_cst
  %ok = extractvalue { i64, i1 } %r, 1
  ret i1 %ok
}

; CHECK-LABEL: define i32 @atomic_load_store(
; CHECK: store atomic i32 %v, ptr addrspace(256) {{%.*}} release
; FULL: load atomic i32, ptr addrspace(256) {{%.*}} acquire
; STORES: load atomic i32, ptr %p acquire
define i32 @atomic_load_store(ptr %p, i32 %v) {
  store atomic i32 %v, ptr %p release, align 4
  %x = load atomic i32, ptr %p acquire, align 4
  ret i32 %x
}
