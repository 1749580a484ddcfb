; A variable-index extractelement/insertelement becomes a select chain:
; LLVM's legalizer would otherwise reload the element from the address the
; vector was just stored to, without the %gs segment (an absolute address).
; RUN: %opt -passes=sfi -S %s | %FileCheck %s
; RUN: %opt -passes=sfi %s | %llc -O2 -relocation-model=pic -o - | %FileCheck %s --check-prefix=ASM
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define i64 @extract(
; CHECK-NOT: extractelement <2 x i64> %w, i64 %i
; CHECK-DAG: [[E0:%.*]] = extractelement <2 x i64> %w, i64 0
; CHECK-DAG: [[C1:%.*]] = icmp eq i64 %i, 1
; CHECK-DAG: [[E1:%.*]] = extractelement <2 x i64> %w, i64 1
; CHECK: %r = select i1 [[C1]], i64 [[E1]], i64 [[E0]]
; Every memory operand after the store is %gs-relative:
; ASM-LABEL: extract:
; ASM-NOT: {{^[[:space:]]+mov[a-z]*[[:space:]]+\(}}
; ASM: ret
define i64 @extract(ptr %p, <2 x i64> %w, i64 %i) {
  store <2 x i64> %w, ptr %p
  %r = extractelement <2 x i64> %w, i64 %i
  ret i64 %r
}

; CHECK-LABEL: define <4 x i32> @insert(
; CHECK-NOT: insertelement <4 x i32> %v, i32 %x, i64 %i
; CHECK: insertelement <4 x i32> %v, i32 %x, i64 0
; CHECK: icmp eq i64 %i, 3
define <4 x i32> @insert(<4 x i32> %v, i32 %x, i64 %i) {
  %r = insertelement <4 x i32> %v, i32 %x, i64 %i
  ret <4 x i32> %r
}
