; Every address-taken function gets a 16-byte entry in section sfi_jt (a
; naked jmp padded with int3); every use of its address becomes the entry.
; Entries of external functions are COMDAT so that all objects share one.
; Direct calls stay direct; constructors keep real addresses.
; RUN: %opt -passes=sfi -S %s | %FileCheck %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; CHECK: @table = global [3 x ptr] [ptr @__sfi_jt.local, ptr @__sfi_jt.global, ptr @__sfi_jt.imported]
@table = global [3 x ptr] [ptr @local, ptr @global, ptr @imported]
; CHECK: @llvm.global_ctors = appending global {{.*}} ptr @ctor
@llvm.global_ctors = appending global [1 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 65535, ptr @ctor, ptr null }]

define internal i32 @local(i32 %x) {
  ret i32 %x
}
define i32 @global(i32 %x) {
  ret i32 %x
}
declare i32 @imported(i32)
define internal void @ctor() {
  ret void
}

; CHECK-LABEL: define i32 @direct(
; CHECK: call i32 @global(i32 1)
define i32 @direct() {
  %r = call i32 @global(i32 1)
  ret i32 %r
}

; CHECK-LABEL: define ptr @take(
; CHECK: ret ptr @__sfi_jt.global
define ptr @take() {
  ret ptr @global
}

; CHECK: define internal void @__sfi_jt.local() #[[ATTR:[0-9]+]] section "sfi_jt" align 16 {
; CHECK-NEXT: call void asm sideeffect "jmp *${0:c}@GOTPCREL(%rip)\0A\09.p2align 4, 0xcc", "s"(ptr @local)
; CHECK-NEXT: unreachable
; CHECK: define linkonce_odr hidden void @__sfi_jt.global() #[[ATTR]] section "sfi_jt" comdat align 16 {
; CHECK: define linkonce_odr hidden void @__sfi_jt.imported() #[[ATTR]] section "sfi_jt" comdat align 16 {
; CHECK-NOT: __sfi_jt.ctor
; CHECK: attributes #[[ATTR]] = { naked noinline nounwind "sfi-generated" }
