; Constant-length memcpy/memset that x86 code generation would expand into
; `rep movs`/`rep stos` (which the machine pass refuses) become calls of the
; C library (nobuiltin): beyond 4 (memset: 8) 8-byte moves under minsize,
; beyond the optsize or normal move limits (x 16 bytes with SSE, 8 without)
; up to 128 bytes, volatile ones too (as code generation makes beyond its
; limits). Copies within the limits, memcpy.inline and memmove stay
; intrinsics (issue 14).
; 16-byte moves need vector registers (no noimplicitfloat) and a 16-aligned
; access or fast unaligned 16-byte ones on the tuned CPU (generic here; not
; core2).
; RUN: %opt -passes=sfi -S %s | %FileCheck %s
; RUN: %opt -passes='sfi<stores>' -S %s | %FileCheck %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define void @minsize(
; CHECK: call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 32, i1 false)
; CHECK: call ptr @memcpy(ptr %d, ptr %s, i64 33) #[[NB:[0-9]+]]
; CHECK: call ptr @memcpy(ptr %d, ptr %s, i64 320) #[[NB]]
; CHECK: call void @llvm.memset.p0.i64(ptr %d, i8 0, i64 64, i1 false)
; CHECK: call ptr @memset(ptr %d, i32 0, i64 200) #[[NB]]
; CHECK: call void @llvm.memcpy.inline.p0.p0.i64(ptr %d, ptr %s, i64 320, i1 false)
; CHECK: call ptr @memcpy(ptr %d, ptr %s, i64 320) #[[NB]]
; CHECK: call void @llvm.memmove.p0.p0.i64(ptr %d, ptr %s, i64 320, i1 false)
define void @minsize(ptr %d, ptr %s) minsize optsize "tune-cpu"="generic" {
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 32, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 33, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 320, i1 false)
  call void @llvm.memset.p0.i64(ptr %d, i8 0, i64 64, i1 false)
  call void @llvm.memset.p0.i64(ptr %d, i8 0, i64 200, i1 false)
  call void @llvm.memcpy.inline.p0.p0.i64(ptr %d, ptr %s, i64 320, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 320, i1 true)
  call void @llvm.memmove.p0.p0.i64(ptr %d, ptr %s, i64 320, i1 false)
  ret void
}

; CHECK-LABEL: define void @optsize(
; CHECK: call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 64, i1 false)
; CHECK: call ptr @memcpy(ptr %d, ptr %s, i64 72) #[[NB]]
; CHECK: call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 129, i1 false)
; CHECK: call void @llvm.memset.p0.i64(ptr %d, i8 %v, i64 128, i1 false)
define void @optsize(ptr %d, ptr %s, i8 %v) optsize "tune-cpu"="generic" {
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 64, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 72, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 129, i1 false)
  call void @llvm.memset.p0.i64(ptr %d, i8 %v, i64 128, i1 false)
  ret void
}

; A volatile copy may not overlap its moves: 60 bytes need 5 (16+16+16+8+4).
; CHECK-LABEL: define void @optsize.volatile(
; CHECK: call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 60, i1 false)
; CHECK: call ptr @memcpy(ptr %d, ptr %s, i64 60) #[[NB]]
; CHECK: call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 56, i1 true)
define void @optsize.volatile(ptr %d, ptr %s) optsize "tune-cpu"="generic" {
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 60, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 60, i1 true)
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 56, i1 true)
  ret void
}

; CHECK-LABEL: define void @speed(
; CHECK: call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 128, i1 false)
define void @speed(ptr %d, ptr %s) "tune-cpu"="generic" {
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 128, i1 false)
  ret void
}

; Without SSE the moves are 8 bytes wide: 72 bytes need 9 (limit 8), and a
; memset with a variable byte of 100 needs 13 under optsize (limit 8).
; CHECK-LABEL: define void @nosse(
; CHECK: call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 64, i1 false)
; CHECK: call ptr @memcpy(ptr %d, ptr %s, i64 72) #[[NB]]
; CHECK: [[V:%.*]] = zext i8 %v to i32
; CHECK: call ptr @memset(ptr %d, i32 [[V]], i64 100) #[[NB]]
define void @nosse(ptr %d, ptr %s, i8 %v) "target-features"="+sse,+sse2,-sse,-sse2" "tune-cpu"="generic" {
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 64, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 72, i1 false)
  call void @nosse.optsize(ptr %d, i8 %v)
  ret void
}
define internal void @nosse.optsize(ptr %d, i8 %v) optsize "target-features"="-sse2" {
  call void @llvm.memset.p0.i64(ptr %d, i8 %v, i64 100, i1 false)
  ret void
}

; Without vector registers for copies (noimplicitfloat: -mno-implicit-float,
; -msoft-float), or on a CPU where unaligned 16-byte accesses are slow and
; the copy is not 16-aligned, the moves are 8 bytes wide: 72 bytes need 9
; (limit 8), a 16-aligned one 5 (review fuzz4).
; CHECK-LABEL: define void @noimplicitfloat(
; CHECK: call ptr @memcpy(ptr %d, ptr %s, i64 72) #[[NB]]
; CHECK-LABEL: define void @core2(
; CHECK: call ptr @memcpy(ptr %d, ptr %s, i64 72) #[[NB]]
; CHECK: call void @llvm.memcpy.p0.p0.i64(ptr align 16 %d, ptr align 16 %s, i64 72, i1 false)
define void @noimplicitfloat(ptr %d, ptr %s) noimplicitfloat "tune-cpu"="generic" {
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 72, i1 false)
  ret void
}
define void @core2(ptr %d, ptr %s) "tune-cpu"="core2" {
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 72, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr align 16 %d, ptr align 16 %s, i64 72, i1 false)
  ret void
}

; CHECK: attributes #[[NB]] = { nobuiltin }

