; A switch with an unreachable default would become a jump table without a
; bounds check (an out-of-range index jumps anywhere): its default goes to a
; trap instead, which keeps the check in the machine code.
; RUN: %opt -sfi-ir-masks -passes=sfi -S %s | %FileCheck %s
; RUN: %opt -sfi-ir-masks -passes=sfi %s | %llc -O2 -relocation-model=pic -o - | %FileCheck %s --check-prefix=ASM
; RUN: %not %opt -sfi-ir-masks -passes=sfi-verify -disable-output %s 2>&1 | %FileCheck %s --check-prefix=VERIFY
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define i32 @f(
; CHECK: switch i32 %x, label %sfi.switch.trap [
; CHECK: sfi.switch.trap:
; CHECK-NEXT: call void @llvm.ubsantrap(i8 83)
; ASM-LABEL: f:
; The jump table keeps its bounds check (the machine pass then masks the
; index as well and jumps into branch slots: tests/lit/machine/switch.c).
; ASM: cmpl $5,
; ASM-NEXT: ja
; ASM: jmpq *
; VERIFY: verifier: switch with an unreachable default
define i32 @f(i32 %x) {
entry:
  switch i32 %x, label %dead [
    i32 0, label %a
    i32 1, label %b
    i32 2, label %c
    i32 3, label %d
    i32 4, label %e
    i32 5, label %g
  ]
dead:
  unreachable
a:
  ret i32 10
b:
  ret i32 21
c:
  ret i32 32
d:
  ret i32 43
e:
  ret i32 54
g:
  ret i32 65
}
