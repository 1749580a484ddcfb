; A single load or store wider than the guard zone could reach past it from
; a masked pointer: refused.
; RUN: %not %opt -sfi-ir-masks -passes=sfi -disable-output %s 2>&1 | %FileCheck %s
; CHECK: libsfi: a single memory access of 800000 bytes is wider than the sandbox guard zone
target triple = "x86_64-pc-linux-gnu"
define void @f(ptr %p) {
  store [100000 x i64] zeroinitializer, ptr %p
  ret void
}
