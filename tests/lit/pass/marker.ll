; Every object carries the libsfi note: version, mode, scheme, ABI.
; RUN: %opt -passes=sfi -S %s | %FileCheck %s --check-prefix=FULL
; RUN: %opt -passes='sfi<stores;anchor>' -S %s | %FileCheck %s --check-prefix=STORES
; RUN: %opt -passes=sfi %s -o %t.bc && %llc -filetype=obj -relocation-model=pic %t.bc -o %t.o && llvm-readelf -n %t.o | %FileCheck %s --check-prefix=ELF
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; FULL: @__sfi_note = private constant {{.*}} <{ i32 8, i32 16, i32 1397115185, [8 x i8] c"libsfi\00\00", i32 1, i32 1, i32 1, i32 1 }>, section ".note.sfi", align 4
; STORES: @__sfi_note = {{.*}} i32 1, i32 2, i32 2, i32 1 }>, section ".note.sfi"
; FULL: @llvm.compiler.used = appending global [1 x ptr] [ptr @__sfi_note]
; ELF: Displaying notes found in: .note.sfi
; ELF: libsfi{{.*}}0x00000010{{.*}}Unknown note type: (0x53464931)
; ELF-NEXT: description data: 01 00 00 00 01 00 00 00 01 00 00 00 01 00 00 00
define void @f() {
  ret void
}
