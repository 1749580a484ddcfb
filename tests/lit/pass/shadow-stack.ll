; Locals whose address escapes move to the shadow stack in the region
; (`__sfi_ssp`), with an overflow check against `__sfi_ssp_limit`;
; the old stack pointer is restored before every return. Locals used only
; at constant in-bounds offsets stay native.
; RUN: %opt -sfi-ir-masks -passes=sfi -S %s | %FileCheck %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare void @use(ptr)

; CHECK-LABEL: define i32 @escapes(
; CHECK: %keep = alloca i32
; CHECK: [[OLD:%.*]] = load ptr, ptr @__sfi_ssp
; CHECK: [[DOWN:%.*]] = getelementptr i8, ptr [[OLD]], i64 -32
; CHECK: [[FRAME:%.*]] = call ptr @llvm.ptrmask.p0.i64(ptr [[DOWN]], i64 -16)
; CHECK: [[LIM:%.*]] = load ptr, ptr @__sfi_ssp_limit
; CHECK: [[LOW:%.*]] = icmp ult ptr [[FRAME]], [[LIM]]
; CHECK-NEXT: br i1 [[LOW]], label %sfi.stack.trap, label %sfi.frame.ok
; CHECK: sfi.frame.ok:
; CHECK: store ptr [[FRAME]], ptr @__sfi_ssp
; CHECK: %buf = getelementptr inbounds i8, ptr [[FRAME]], i64 0
; CHECK: call void @use(ptr %buf)
; CHECK: store ptr [[OLD]], ptr @__sfi_ssp
; CHECK-NEXT: ret i32
; CHECK: sfi.stack.trap:
; CHECK-NEXT: call void @llvm.ubsantrap(i8 82)
define i32 @escapes(i32 %i) {
  %buf = alloca [8 x i32]
  %keep = alloca i32
  store i32 %i, ptr %keep
  call void @use(ptr %buf)
  %k = load i32, ptr %keep
  ret i32 %k
}

; Indexed with a variable: the shadow stack too.
; CHECK-LABEL: define i32 @indexed(
; CHECK: load ptr, ptr @__sfi_ssp
; CHECK-NOT: alloca
; CHECK: ret
define i32 @indexed(i64 %i) {
  %a = alloca [4 x i32]
  %p = getelementptr [4 x i32], ptr %a, i64 0, i64 %i
  %v = load i32, ptr %p
  ret i32 %v
}

; A VLA takes its space where it is; stacksave/stackrestore follow __sfi_ssp.
; CHECK-LABEL: define void @vla(
; CHECK-NOT: alloca
; CHECK: %sfi.ssp.old = load ptr, ptr @__sfi_ssp
; CHECK: %sfi.ssp.save = load ptr, ptr @__sfi_ssp
; CHECK: %sfi.ssp = load ptr, ptr @__sfi_ssp
; CHECK: call { i64, i1 } @llvm.umul.with.overflow.i64(i64 {{%.*}}, i64 4)
; CHECK: %v = call ptr @llvm.ptrmask.p0.i64
; CHECK: icmp ult ptr %v, %sfi.limit
; CHECK: icmp ugt ptr %v, %sfi.ssp
; CHECK: store ptr %v, ptr @__sfi_ssp
; CHECK-NEXT: call void @use(ptr %v)
; CHECK-NEXT: store ptr %sfi.ssp.save, ptr @__sfi_ssp
; CHECK-NEXT: store ptr %sfi.ssp.old, ptr @__sfi_ssp
; CHECK-NOT: llvm.stacksave
; CHECK-NOT: llvm.stackrestore
define void @vla(i32 %n) {
  %sp = call ptr @llvm.stacksave.p0()
  %v = alloca i32, i32 %n
  call void @use(ptr %v)
  call void @llvm.stackrestore.p0(ptr %sp)
  ret void
}

; Nothing escapes: no shadow frame at all.
; CHECK-LABEL: define i32 @native(
; CHECK-NOT: __sfi_ssp
; CHECK: ret
define i32 @native(i32 %x) {
  %a = alloca i32
  store i32 %x, ptr %a
  %v = load i32, ptr %a
  ret i32 %v
}

; Every function gets inline stack probes and loses stack protectors.
; CHECK: attributes #{{[0-9]+}} = { {{.*}}"frame-pointer"="none"
; CHECK-NOT: sspstrong
declare ptr @llvm.stacksave.p0()
declare void @llvm.stackrestore.p0(ptr)
