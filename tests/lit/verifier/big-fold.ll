; The verifier fails the build on a constant offset past the guard zone after a mask.
; RUN: %not %opt -sfi-ir-masks -passes=sfi-verify -disable-output %s 2>&1 | %FileCheck %s
; CHECK: libsfi: verifier: unmasked store
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"
define void @f(ptr %p) {
  %i = ptrtoint ptr %p to i64
  %m = and i64 %i, 4294967295
  %q = inttoptr i64 %m to ptr addrspace(256)
  %r = getelementptr i8, ptr addrspace(256) %q, i64 1048576
  store i32 0, ptr addrspace(256) %r
  ret void
}
