; The verifier fails the build on a mask that keeps more than 32 bits.
; RUN: %not %opt -sfi-ir-masks -passes=sfi-verify -disable-output %s 2>&1 | %FileCheck %s
; CHECK: libsfi: verifier: unmasked store
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"
define void @f(ptr %p) {
  %i = ptrtoint ptr %p to i64
  %m = and i64 %i, 1099511627775
  %q = inttoptr i64 %m to ptr addrspace(256)
  store i32 0, ptr addrspace(256) %q
  ret void
}
