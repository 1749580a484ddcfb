; The verifier fails the build on inline assembly (other than the barriers
; and hints the pass keeps: tests/lit/c/asm-barrier.c).
; RUN: %not %opt -sfi-ir-masks -passes=sfi-verify -disable-output %s 2>&1 | %FileCheck %s
; CHECK: libsfi: verifier: inline assembly
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"
define void @f() {
  call void asm sideeffect "syscall", ""()
  ret void
}
