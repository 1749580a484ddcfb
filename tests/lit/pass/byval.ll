; byval arguments: the caller copies the struct into its (shadow) frame with
; a masked memcpy and passes a plain pointer; callees lose byval, so their
; accesses to it are ordinary masked accesses inside the region.
; RUN: %opt -sfi-ir-masks -passes=sfi -S %s | %FileCheck %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.S = type { [5 x i64] }

; CHECK-LABEL: define i64 @callee(ptr align 8 %s)
; CHECK: load i64, ptr addrspace(256)
define i64 @callee(ptr byval(%struct.S) align 8 %s) {
  %p = getelementptr %struct.S, ptr %s, i64 0, i32 0, i64 4
  %v = load i64, ptr %p
  ret i64 %v
}

; CHECK-LABEL: define i64 @caller(
; CHECK: [[OLD:%.*]] = load ptr, ptr @__sfi_ssp
; CHECK: %sfi.byval = getelementptr inbounds i8, ptr
; CHECK: call void @llvm.memcpy.p0.p0.i64(ptr align 8 %sfi.flat{{.*}}, ptr align 8 %sfi.flat{{.*}}, i64 40, i1 false)
; CHECK: call i64 @callee(ptr align 8 %sfi.byval)
; CHECK-NOT: byval
define i64 @caller(ptr %src) {
  %r = call i64 @callee(ptr byval(%struct.S) align 8 %src)
  ret i64 %r
}
