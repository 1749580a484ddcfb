; One mask of a base pointer serves every access at a small constant offset
; from it (folded under the guard zone); offsets that are negative or not
; below the fold limit are masked as a whole.
; RUN: %opt -sfi-ir-masks -passes=sfi -S %s | %FileCheck %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define i32 @shared(
; CHECK: and i64 {{.*}}, 4294967295
; CHECK-NOT: and i64 {{.*}}, 4294967295
; CHECK: [[GS:%.*]] = inttoptr i64 {{%.*}} to ptr addrspace(256)
; CHECK: [[A:%.*]] = getelementptr i8, ptr addrspace(256) [[GS]], i64 40
; CHECK: load i32, ptr addrspace(256) [[A]]
; CHECK: [[B:%.*]] = getelementptr i8, ptr addrspace(256) [[GS]], i64 48
; CHECK: load i32, ptr addrspace(256) [[B]]
; CHECK-NOT: and i64 {{.*}}, 4294967295
; CHECK: ret
define i32 @shared(ptr %p) {
  %q = getelementptr inbounds i8, ptr %p, i64 40
  %v = load i32, ptr %q
  %r = getelementptr inbounds i8, ptr %p, i64 48
  %w = load i32, ptr %r
  %s = add i32 %v, %w
  ret i32 %s
}

; CHECK-LABEL: define i32 @negative(
; CHECK: %q = getelementptr i8, ptr %p, i64 -4
; CHECK: freeze ptr %q
; CHECK-NOT: getelementptr i8, ptr addrspace(256) {{.*}}, i64 -4
define i32 @negative(ptr %p) {
  %q = getelementptr i8, ptr %p, i64 -4
  %v = load i32, ptr %q
  ret i32 %v
}

; 1 MiB is past SFI_FOLD_MAX (512 KiB): mask the full address.
; CHECK-LABEL: define i32 @far(
; CHECK: %q = getelementptr i8, ptr %p, i64 1048576
; CHECK: freeze ptr %q
define i32 @far(ptr %p) {
  %q = getelementptr i8, ptr %p, i64 1048576
  %v = load i32, ptr %q
  ret i32 %v
}
