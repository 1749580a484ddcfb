; Computed goto: indirectbr becomes a chain of compares against the block
; addresses it may reach; any other address traps (ud1 0x53).
; RUN: %opt -passes=sfi -S %s | %FileCheck %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define i32 @f(
; CHECK-NOT: indirectbr
; CHECK: icmp eq ptr {{%.*}}, blockaddress(@f, %a)
; CHECK: sfi.ibr.trap:
; CHECK-NEXT: call void @llvm.ubsantrap(i8 83)
; CHECK: sfi.ibr.next:
; CHECK-NEXT: icmp eq ptr {{%.*}}, blockaddress(@f, %b)
; CHECK-NEXT: br i1 {{%.*}}, label %b, label %sfi.ibr.trap
define i32 @f(ptr %t) {
entry:
  indirectbr ptr %t, [label %a, label %b]
a:
  ret i32 1
b:
  ret i32 2
}
