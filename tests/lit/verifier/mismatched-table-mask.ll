; The table mask must compare the same aligned offset it keeps (a check on
; another value would confine nothing).
; RUN: %not %opt -sfi-ir-masks -passes=sfi-verify -disable-output %s 2>&1 | %FileCheck %s
; CHECK: libsfi: verifier: indirect call not confined to the jump table
target triple = "x86_64-pc-linux-gnu"
@__start_sfi_jt = external hidden global i8
@__stop_sfi_jt = external hidden global i8
define void @f(ptr %fp, i64 %other) {
  %t = ptrtoint ptr %fp to i64
  %off = sub i64 %t, ptrtoint (ptr @__start_sfi_jt to i64)
  %al = and i64 %off, -16
  %in = icmp ult i64 %other, sub (i64 ptrtoint (ptr @__stop_sfi_jt to i64), i64 ptrtoint (ptr @__start_sfi_jt to i64))
  %m = sext i1 %in to i64
  %o = and i64 %al, %m
  %tg = getelementptr i8, ptr @__start_sfi_jt, i64 %o
  call void %tg()
  ret void
}
