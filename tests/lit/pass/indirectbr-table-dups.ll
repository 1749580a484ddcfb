; A computed goto through a constant label table becomes a switch on the
; table's index with one case per slot, so a label the table holds in
; several slots is reached by several edges of the switch, and every phi
; of that label needs one entry per edge (a label the table lacks: none).
; The pass used to keep one entry: invalid IR, which release builds of
; clang do not verify; Loop Strength Reduction then split a critical edge
; of the switch and crashed in PHINode::removeIncomingValue (issue 14: the
; LSR crash, at -O1..-Oz in both modes). opt verifies the pass's output.
; RUN: %opt -passes=sfi -S %s | %FileCheck %s
; RUN: %opt -passes='sfi<stores>' -S %s | %FileCheck %s
; RUN: %opt -passes='sfi,loop-reduce' -disable-output %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; long run(const unsigned char *code, long n) {
;   static void *const ops[4] = {&&op, &&op, &&halt, &&halt};
;   long k = 0;
;   goto *ops[code[0] & 3];
; op: k++; if (k > n) goto halt; goto *ops[code[k] & 3];
; halt: return k;
; }  (clang -O2)
@run.ops = internal unnamed_addr constant [4 x ptr] [ptr blockaddress(@run, %5), ptr blockaddress(@run, %5), ptr blockaddress(@run, %8), ptr blockaddress(@run, %8)], align 16

; CHECK-LABEL: define i64 @run(
; CHECK: %9 = phi i64 [ %4, %5 ], [ %11, %10 ], [ %11, %10 ]
; CHECK: switch i64 {{%.*}}, label %sfi.ibr.dead [
; CHECK-NEXT: i64 0, label %5
; CHECK-NEXT: i64 1, label %5
; CHECK-NEXT: i64 2, label %8
; CHECK-NEXT: i64 3, label %8
define i64 @run(ptr %0, i64 %1) {
  %3 = tail call i64 @llvm.smax.i64(i64 %1, i64 0)
  %4 = add nuw i64 %3, 1
  br label %10

5:
  %6 = add nuw i64 %11, 1
  %7 = icmp eq i64 %11, %3
  br i1 %7, label %8, label %10

8:
  %9 = phi i64 [ %4, %5 ], [ %11, %10 ]
  ret i64 %9

10:
  %11 = phi i64 [ 0, %2 ], [ %6, %5 ]
  %12 = getelementptr inbounds nuw i8, ptr %0, i64 %11
  %13 = load i8, ptr %12, align 1
  %14 = and i8 %13, 3
  %15 = zext nneg i8 %14 to i64
  %16 = getelementptr inbounds nuw ptr, ptr @run.ops, i64 %15
  %17 = load ptr, ptr %16, align 8
  indirectbr ptr %17, [label %5, label %8]
}

; Every goto gets its own dispatch (the shared `phi; indirectbr` block is
; split): the phis of each label take one entry per edge of each goto's
; switch.
@split.ops = internal unnamed_addr constant [4 x ptr] [ptr blockaddress(@split, %op), ptr blockaddress(@split, %op), ptr blockaddress(@split, %halt), ptr blockaddress(@split, %halt)], align 16

; CHECK-LABEL: define i64 @split(
; CHECK: halt: ; preds = %entry, %entry, %next, %next, %op
; CHECK-NEXT: %r = phi i64 [ 1, %op ]{{(, \[ 2, %(entry|next) \]){4}$}}
define i64 @split(ptr %code, ptr %k, i64 %n) {
entry:
  %c0 = load i8, ptr %code
  %i0 = zext i8 %c0 to i64
  %m0 = and i64 %i0, 3
  %g0 = getelementptr inbounds ptr, ptr @split.ops, i64 %m0
  %t0 = load ptr, ptr %g0
  br label %dispatch

op:
  %kv = load i64, ptr %k
  %k1 = add i64 %kv, 1
  store i64 %k1, ptr %k
  %c = icmp sgt i64 %k1, %n
  br i1 %c, label %halt, label %next

next:
  %p = getelementptr inbounds i8, ptr %code, i64 %k1
  %c1 = load i8, ptr %p
  %i1 = zext i8 %c1 to i64
  %m1 = and i64 %i1, 3
  %g1 = getelementptr inbounds ptr, ptr @split.ops, i64 %m1
  %t1 = load ptr, ptr %g1
  br label %dispatch

dispatch:
  %a = phi ptr [ %t0, %entry ], [ %t1, %next ]
  indirectbr ptr %a, [label %op, label %halt]

halt:
  %r = phi i64 [ 1, %op ], [ 2, %dispatch ]
  ret i64 %r
}

declare i64 @llvm.smax.i64(i64, i64)
