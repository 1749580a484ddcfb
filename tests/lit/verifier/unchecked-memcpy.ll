; The verifier fails the build on a variable-length memcpy without a range check.
; RUN: %not %opt -sfi-ir-masks -passes=sfi-verify -disable-output %s 2>&1 | %FileCheck %s
; CHECK: libsfi: verifier: memory intrinsic destination not sandboxed
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"
define void @f(ptr %d, ptr %s, i64 %n) {
  %b = and i64 ptrtoint (ptr @g to i64), -4294967296
  %base = inttoptr i64 %b to ptr
  %di = ptrtoint ptr %d to i64
  %do = and i64 %di, 4294967295
  %dp = getelementptr i8, ptr %base, i64 %do
  %si = ptrtoint ptr %s to i64
  %so = and i64 %si, 4294967295
  %sp = getelementptr i8, ptr %base, i64 %so
  call void @llvm.memcpy.p0.p0.i64(ptr %dp, ptr %sp, i64 %n, i1 false)
  ret void
}
@g = global i32 0
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
