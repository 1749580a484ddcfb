; In stores-only mode the verifier accepts plain loads but not stores (the
; first violation it reports is the store).
; RUN: %not %opt -sfi-ir-masks -passes='sfi-verify<stores>' -disable-output %s 2>&1 | %FileCheck %s
; CHECK: verifier: unmasked store
; CHECK-NOT: unmasked load
target triple = "x86_64-pc-linux-gnu"
define void @f(ptr %p, ptr %q) {
  %v = load i32, ptr %p
  store i32 %v, ptr %q
  ret void
}
