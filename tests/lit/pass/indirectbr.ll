; Computed goto: label addresses become label indices (1, 2, ...) in the
; function, also inside global tables, and indirectbr a switch over the
; index masked to the next power of two above them, covering every masked
; value: 0 and unused values trap (ud1 0x53), the default is dead.
; Destinations listed twice keep one edge; a destination whose address is
; never taken gets none.
; RUN: %opt -passes=sfi -S %s | %FileCheck %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; Label values: the function's tag << 20 | index.
; CHECK: @tbl = internal constant [2 x ptr] [ptr inttoptr (i64 [[TAG:[0-9]+]]{{[0-9]}} to ptr), ptr inttoptr (i64 {{[0-9]+}} to ptr)]
@tbl = internal constant [2 x ptr] [ptr blockaddress(@f, %a), ptr blockaddress(@f, %b)]

; CHECK-LABEL: define i32 @f(
; CHECK-NOT: indirectbr
; CHECK-NOT: blockaddress
; CHECK: [[I:%.*]] = ptrtoint ptr {{%.*}} to i64
; CHECK-NEXT: [[K:%.*]] = and i64 [[I]], 3
; CHECK-NEXT: switch i64 [[K]], label %sfi.ibr.dead [
; CHECK-NEXT: i64 0, label %sfi.ibr.trap
; CHECK-NEXT: i64 1, label %a
; CHECK-NEXT: i64 2, label %b
; CHECK-NEXT: i64 3, label %sfi.ibr.trap
; CHECK-NEXT: ]
; CHECK: b:
; CHECK-NEXT: phi i32 [ 7, %entry ]
; CHECK: sfi.ibr.trap:
; CHECK-NEXT: call void @llvm.ubsantrap(i8 83)
define i32 @f(i64 %k) {
entry:
  %p = getelementptr [2 x ptr], ptr @tbl, i64 0, i64 %k
  %t = load ptr, ptr %p
  indirectbr ptr %t, [label %a, label %b, label %b, label %c]
a:
  ret i32 1
b:
  %v = phi i32 [ 7, %entry ], [ 7, %entry ]
  ret i32 %v
c:
  ret i32 3
}
