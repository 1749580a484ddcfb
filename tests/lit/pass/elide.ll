; No mask where the access is provably inside the image or the native
; frame: a global at a constant in-bounds offset, a local whose address
; never escapes. Out-of-bounds constant offsets are masked.
; RUN: %opt -sfi-ir-masks -passes=sfi -S %s | %FileCheck %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@g = global [4 x i32] zeroinitializer
@ext = external global [2 x i64]
@big = external global [3000000000 x i8]

; CHECK-LABEL: define i32 @global_in_bounds(
; CHECK-NOT: addrspace(256)
; CHECK: load i32, ptr %q
define i32 @global_in_bounds() {
  %q = getelementptr inbounds [4 x i32], ptr @g, i64 0, i64 3
  %v = load i32, ptr %q
  ret i32 %v
}

; CHECK-LABEL: define i32 @global_past_end(
; CHECK: load i32, ptr addrspace(256)
define i32 @global_past_end() {
  %q = getelementptr [4 x i32], ptr @g, i64 0, i64 4
  %v = load i32, ptr %q
  ret i32 %v
}

; A declaration may resolve outside the image (an undefined weak symbol is
; address 0, an import is a stub): its accesses are masked.
; CHECK-LABEL: define void @declared(
; CHECK: store i64 1, ptr addrspace(256)
; CHECK: store i8 2, ptr addrspace(256)
define void @declared() {
  store i64 1, ptr getelementptr ([2 x i64], ptr @ext, i64 0, i64 1)
  store i8 2, ptr getelementptr ([3000000000 x i8], ptr @big, i64 0, i64 2900000000)
  ret void
}

; A defined global is trusted only up to the largest image (1 GiB).
; CHECK-LABEL: define void @huge_defined(
; CHECK: store i8 3, ptr addrspace(256)
@huge = global [3000000000 x i8] zeroinitializer
define void @huge_defined() {
  store i8 3, ptr getelementptr ([3000000000 x i8], ptr @huge, i64 0, i64 2900000000)
  ret void
}

; CHECK-LABEL: define i32 @native_local(
; CHECK: %a = alloca [4 x i32]
; CHECK-NOT: addrspace(256)
; CHECK: ret

define i32 @native_local(i32 %x) {
  %a = alloca [4 x i32]
  %q = getelementptr inbounds [4 x i32], ptr %a, i64 0, i64 2
  store i32 %x, ptr %q
  %v = load i32, ptr %q
  ret i32 %v
}
