; Computed goto through a constant table of the function's labels (the
; direct-threaded `goto *ops[op]`, issue 14): the dispatch switches on the
; table's index, masked to the next power of two at or above the table's
; length; each case goes to the label its element holds. An element that is
; not one of this function's labels (null, another function's label) traps,
; and so do indices past the table. Nothing is loaded from the table.
; A table that is not constant keeps the switch on the loaded label value.
; RUN: %opt -passes=sfi -S %s | %FileCheck %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@tbl = internal constant [5 x ptr] [ptr blockaddress(@f, %a), ptr blockaddress(@f, %b), ptr null, ptr blockaddress(@g, %x), ptr blockaddress(@f, %a)]
@var = internal global [4 x ptr] [ptr blockaddress(@g, %x), ptr blockaddress(@g, %y), ptr blockaddress(@g, %x), ptr blockaddress(@g, %y)]

; CHECK-LABEL: define i32 @f(
; CHECK-NOT: load
; CHECK: [[X:%.*]] = freeze i64 %i
; CHECK-NEXT: [[M:%.*]] = and i64 [[X]], 7
; CHECK-NEXT: switch i64 [[M]], label %sfi.ibr.dead [
; CHECK-NEXT: i64 0, label %a
; CHECK-NEXT: i64 1, label %b
; CHECK-NEXT: i64 2, label %sfi.ibr.trap
; CHECK-NEXT: i64 3, label %sfi.ibr.trap
; CHECK-NEXT: i64 4, label %a
; CHECK-NEXT: i64 5, label %sfi.ibr.trap
; CHECK-NEXT: i64 6, label %sfi.ibr.trap
; CHECK-NEXT: i64 7, label %sfi.ibr.trap
; CHECK-NEXT: ]
define i32 @f(i32 %k) {
entry:
  %i = sext i32 %k to i64
  %p = getelementptr inbounds [5 x ptr], ptr @tbl, i64 0, i64 %i
  %t = load ptr, ptr %p
  indirectbr ptr %t, [label %a, label %b]
a:
  ret i32 1
b:
  ret i32 2
}

; CHECK-LABEL: define i32 @g(
; CHECK: [[T:%.*]] = load ptr, ptr
; CHECK-NEXT: [[F:%.*]] = freeze ptr [[T]]
; CHECK-NEXT: [[I:%.*]] = ptrtoint ptr [[F]] to i64
; CHECK-NEXT: [[M:%.*]] = and i64 [[I]], 3
; CHECK-NEXT: switch i64 [[M]], label %sfi.ibr.dead [
define i32 @g(i64 %k) {
entry:
  store ptr blockaddress(@g, %y), ptr @var
  %p = getelementptr [4 x ptr], ptr @var, i64 0, i64 %k
  %t = load ptr, ptr %p
  indirectbr ptr %t, [label %x, label %y]
x:
  ret i32 1
y:
  ret i32 2
}
