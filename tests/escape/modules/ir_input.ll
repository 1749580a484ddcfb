; ir_input.ll: hand-written LLVM IR handed to sfi-cc as a source file. It
; carries the module flag "sfi.sandboxed", which makes the pass skip a
; module it has already seen, and its own marker note: compiled as is, the
; raw store in attack() reaches host memory. sfi-cc must refuse IR inputs.
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@forged = private constant <{ i32, i32, i32, [8 x i8], i32, i32, i32, i32 }> <{ i32 8, i32 16, i32 1397115185, [8 x i8] c"libsfi\00\00", i32 1, i32 1, i32 1, i32 1 }>, section ".note.sfi", align 4
@llvm.compiler.used = appending global [1 x ptr] [ptr @forged], section "llvm.metadata"

define i64 @ping(i64 %x) {
  %r = add i64 %x, 1
  ret i64 %r
}

define i64 @attack(i64 %t, i64 %v) {
  %p = inttoptr i64 %t to ptr
  store volatile i64 %v, ptr %p
  ret i64 0
}

!llvm.module.flags = !{!0}
!0 = !{i32 7, !"sfi.sandboxed", i32 1}
