; Variadic functions take their extra arguments in a buffer in the region:
; the caller lays them out like the SysV stack-argument area (8-byte slots,
; 16-byte alignment for long double) and passes the buffer as one more
; argument; the callee's va_start sets gp_offset=48, fp_offset=176 (both
; exhausted) and overflow_arg_area=buffer; va_copy copies 24 bytes.
; RUN: %opt -sfi-ir-masks -passes=sfi -S %s | %FileCheck %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.__va_list_tag = type { i32, i32, ptr, ptr }

define i64 @sum(i32 %n, ...) {
  %ap = alloca [1 x %struct.__va_list_tag], align 16
  %ap2 = alloca [1 x %struct.__va_list_tag], align 16
  call void @llvm.va_start.p0(ptr %ap)
  call void @llvm.va_copy.p0(ptr %ap2, ptr %ap)
  call void @use(ptr %ap2)
  call void @llvm.va_end.p0(ptr %ap2)
  call void @llvm.va_end.p0(ptr %ap)
  ret i64 0
}

; CHECK-LABEL: define i64 @caller(
; Two buffers in the shadow frame; the arguments of @sum at 16..63:
; CHECK: %sfi.va.args = getelementptr inbounds i8, ptr %sfi.frame, i64 16
; CHECK: [[A:%.*]] = getelementptr i8, ptr addrspace(256) %sfi.gs, i64 16
; CHECK: store i32 1, ptr addrspace(256) [[A]]
; CHECK: [[D:%.*]] = getelementptr i8, ptr addrspace(256) %sfi.gs, i64 24
; CHECK: store double 2.500000e+00, ptr addrspace(256) [[D]]
; CHECK: [[L:%.*]] = getelementptr i8, ptr addrspace(256) %sfi.gs, i64 32
; CHECK: store x86_fp80 0xK4000C000000000000000, ptr addrspace(256) [[L]]
; CHECK: [[P:%.*]] = getelementptr i8, ptr addrspace(256) %sfi.gs, i64 48
; CHECK: store ptr %p, ptr addrspace(256) [[P]]
; CHECK: call i64 @sum(i32 4, ptr %sfi.va.args)
; CHECK: store i64 7, ptr addrspace(256) %sfi.gs
; CHECK: call i32 @printf(ptr %p, ptr %sfi.va.args1)
define i64 @caller(ptr %p) {
  %r = call i64 (i32, ...) @sum(i32 4, i32 1, double 2.5, x86_fp80 0xK4000C000000000000000, ptr %p)
  %q = call i32 (ptr, ...) @printf(ptr %p, i64 7)
  ret i64 %r
}

; Through a function pointer: the same convention, then the table mask.
; CHECK-LABEL: define void @indirect(
; CHECK: call void %f(i32 1, ptr %sfi.va.args)
define void @indirect(ptr %f) {
  call void (i32, ...) %f(i32 1, i32 2)
  ret void
}

; The rewritten definition is appended at the end of the module.
; CHECK-LABEL: define i64 @sum(i32 %n, ptr %sfi.va.buf)
; CHECK-NOT: llvm.va_start
; va_copy is a 24-byte copy (the va_list lives in the region in version 2).
; CHECK: call void @llvm.memcpy.p0.p0.i64({{.*}}, i64 24, i1 false)
; CHECK-NOT: llvm.va_copy
; CHECK-NOT: llvm.va_end
; CHECK: ret i64 0

declare i32 @printf(ptr, ...)
declare void @use(ptr)
declare void @llvm.va_start.p0(ptr)
declare void @llvm.va_copy.p0(ptr, ptr)
declare void @llvm.va_end.p0(ptr)
