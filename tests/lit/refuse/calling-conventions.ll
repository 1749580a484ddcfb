; Calling conventions and argument attributes clang does not emit from C,
; from IR (one module each: opt stops at the first error). Every convention
; but C is refused on definitions, calls of declarations and indirect calls;
; fastcc and coldcc are set back to C only on internal functions called
; directly (what GlobalOpt makes, see globalopt-cc-reset.c) and refused
; elsewhere. nest (r10), swiftself/swifterror/swiftasync (r13/r12/r14),
; inreg and inalloca pin arguments to reserved registers or the native stack.
; RUN: rm -rf %t && split-file %s %t
; RUN: %not %opt -passes=sfi -disable-output %t/ghc.ll 2>&1 | %FileCheck %s --check-prefix=GHC
; RUN: %not %opt -passes=sfi -disable-output %t/anyreg.ll 2>&1 | %FileCheck %s --check-prefix=ANYREG
; RUN: %not %opt -passes=sfi -disable-output %t/tail.ll 2>&1 | %FileCheck %s --check-prefix=TAIL
; RUN: %not %opt -passes=sfi -disable-output %t/cfguard.ll 2>&1 | %FileCheck %s --check-prefix=CFGUARD
; RUN: %not %opt -passes=sfi -disable-output %t/fasttls.ll 2>&1 | %FileCheck %s --check-prefix=FASTTLS
; RUN: %not %opt -passes=sfi -disable-output %t/stdcall.ll 2>&1 | %FileCheck %s --check-prefix=STDCALL
; RUN: %not %opt -passes=sfi -disable-output %t/fastcall.ll 2>&1 | %FileCheck %s --check-prefix=FASTCALL
; RUN: %not %opt -passes=sfi -disable-output %t/thiscall.ll 2>&1 | %FileCheck %s --check-prefix=THISCALL
; RUN: %not %opt -passes=sfi -disable-output %t/numbered.ll 2>&1 | %FileCheck %s --check-prefix=NUMBERED
; RUN: %not %opt -passes=sfi -disable-output %t/ext-fast.ll 2>&1 | %FileCheck %s --check-prefix=EXT_FAST
; RUN: %not %opt -passes=sfi -disable-output %t/ext-cold.ll 2>&1 | %FileCheck %s --check-prefix=EXT_COLD
; RUN: %not %opt -passes=sfi -disable-output %t/taken-fast.ll 2>&1 | %FileCheck %s --check-prefix=TAKEN_FAST
; RUN: %not %opt -passes=sfi -disable-output %t/call-decl.ll 2>&1 | %FileCheck %s --check-prefix=CALL_DECL
; RUN: %not %opt -passes=sfi -disable-output %t/call-naked.ll 2>&1 | %FileCheck %s --check-prefix=CALL_NAKED
; RUN: %not %opt -passes=sfi -disable-output %t/indirect-fast.ll 2>&1 | %FileCheck %s --check-prefix=INDIRECT_FAST
; RUN: %not %opt -passes=sfi -disable-output %t/indirect-tail.ll 2>&1 | %FileCheck %s --check-prefix=INDIRECT_TAIL
; RUN: %not %opt -passes=sfi -disable-output %t/nest.ll 2>&1 | %FileCheck %s --check-prefix=NEST
; RUN: %not %opt -passes=sfi -disable-output %t/inreg.ll 2>&1 | %FileCheck %s --check-prefix=INREG
; RUN: %not %opt -passes=sfi -disable-output %t/swiftself.ll 2>&1 | %FileCheck %s --check-prefix=SWIFTSELF
; RUN: %not %opt -passes=sfi -disable-output %t/swifterror.ll 2>&1 | %FileCheck %s --check-prefix=SWIFTERROR
; RUN: %not %opt -passes=sfi -disable-output %t/swiftasync.ll 2>&1 | %FileCheck %s --check-prefix=SWIFTASYNC
; RUN: %not %opt -passes=sfi -disable-output %t/inalloca.ll 2>&1 | %FileCheck %s --check-prefix=INALLOCA
; RUN: %not %opt -passes=sfi -disable-output %t/call-nest.ll 2>&1 | %FileCheck %s --check-prefix=CALL_NEST
; RUN: %not %opt -passes=sfi -disable-output %t/call-inreg.ll 2>&1 | %FileCheck %s --check-prefix=CALL_INREG
; RUN: %not %opt -passes=sfi -disable-output %t/addr.ll 2>&1 | %FileCheck %s --check-prefix=ADDR
; RUN: %opt -passes=sfi -S %t/ok.ll | %FileCheck %s --check-prefix=OK
; GHC: error: {{.*}}libsfi: function 'd' with calling convention ghccc is not allowed in sandboxed code
; ANYREG: error: {{.*}}libsfi: function 'd' with calling convention anyregcc
; TAIL: error: {{.*}}libsfi: function 'd' with calling convention tailcc
; CFGUARD: error: {{.*}}libsfi: function 'd' with calling convention cfguard_checkcc
; FASTTLS: error: {{.*}}libsfi: function 'd' with calling convention cxx_fast_tlscc
; STDCALL: error: {{.*}}libsfi: function 'd' with calling convention x86_stdcallcc
; FASTCALL: error: {{.*}}libsfi: function 'd' with calling convention x86_fastcallcc
; THISCALL: error: {{.*}}libsfi: function 'd' with calling convention x86_thiscallcc
; NUMBERED: error: {{.*}}libsfi: function 'd' with calling convention cc 95
; EXT_FAST: error: {{.*}}libsfi: function 'd' with calling convention fastcc
; EXT_COLD: error: {{.*}}libsfi: function 'd' with calling convention coldcc
; TAKEN_FAST: error: {{.*}}libsfi: function 'd' with calling convention fastcc
; CALL_DECL: error: {{.*}}in function f {{.*}}libsfi: call to 'e' with calling convention ghccc is not allowed
; CALL_NAKED: error: {{.*}}in function f {{.*}}libsfi: call to 'e' with the 'naked' attribute
; INDIRECT_FAST: error: {{.*}}in function f {{.*}}libsfi: indirect call with calling convention fastcc
; INDIRECT_TAIL: error: {{.*}}in function f {{.*}}libsfi: indirect call with calling convention tailcc
; NEST: error: {{.*}}libsfi: function 'd' with the 'nest' argument attribute
; INREG: error: {{.*}}libsfi: function 'd' with the 'inreg' argument attribute
; SWIFTSELF: error: {{.*}}libsfi: function 'd' with the 'swiftself' argument attribute
; SWIFTERROR: error: {{.*}}libsfi: function 'd' with the 'swifterror' argument attribute
; SWIFTASYNC: error: {{.*}}libsfi: function 'd' with the 'swiftasync' argument attribute
; INALLOCA: error: {{.*}}libsfi: function 'd' with the 'inalloca' argument attribute
; CALL_NEST: error: {{.*}}in function f {{.*}}libsfi: call to 'e' with the 'nest' argument attribute
; CALL_INREG: error: {{.*}}in function f {{.*}}libsfi: indirect call with the 'inreg' argument attribute
; ADDR: error: libsfi: {{.*}}the address of 'e' (calling convention preserve_nonecc) may not be taken

;--- ghc.ll
target triple = "x86_64-pc-linux-gnu"
define ghccc void @d() { ret void }

;--- anyreg.ll
target triple = "x86_64-pc-linux-gnu"
define anyregcc i64 @d(i64 %x) { ret i64 %x }

;--- tail.ll
target triple = "x86_64-pc-linux-gnu"
define tailcc void @d() { ret void }

;--- cfguard.ll
target triple = "x86_64-pc-linux-gnu"
define cfguard_checkcc void @d(ptr %p) { ret void }

;--- fasttls.ll
target triple = "x86_64-pc-linux-gnu"
define cxx_fast_tlscc void @d() { ret void }

;--- stdcall.ll
target triple = "x86_64-pc-linux-gnu"
define x86_stdcallcc void @d() { ret void }

;--- fastcall.ll
target triple = "x86_64-pc-linux-gnu"
define x86_fastcallcc void @d() { ret void }

;--- thiscall.ll
target triple = "x86_64-pc-linux-gnu"
define x86_thiscallcc void @d(ptr %p) { ret void }

;--- numbered.ll
target triple = "x86_64-pc-linux-gnu"
define cc 95 void @d() { ret void }

;--- ext-fast.ll
target triple = "x86_64-pc-linux-gnu"
define fastcc void @d() { ret void }

;--- ext-cold.ll
target triple = "x86_64-pc-linux-gnu"
define coldcc void @d() { ret void }

;--- taken-fast.ll
target triple = "x86_64-pc-linux-gnu"
define internal fastcc void @d() { ret void }
@keep = global ptr @d

;--- call-decl.ll
target triple = "x86_64-pc-linux-gnu"
declare ghccc void @e()
define void @f() {
  call ghccc void @e()
  ret void
}

;--- call-naked.ll
target triple = "x86_64-pc-linux-gnu"
declare void @e() naked
define void @f() {
  call void @e()
  ret void
}

;--- indirect-fast.ll
target triple = "x86_64-pc-linux-gnu"
define void @f(ptr %p) {
  call fastcc void %p()
  ret void
}

;--- indirect-tail.ll
target triple = "x86_64-pc-linux-gnu"
define void @f(ptr %p) {
  call tailcc void %p()
  ret void
}

;--- nest.ll
target triple = "x86_64-pc-linux-gnu"
define void @d(ptr nest %p) { ret void }

;--- inreg.ll
target triple = "x86_64-pc-linux-gnu"
define void @d(i32 inreg %x) { ret void }

;--- swiftself.ll
target triple = "x86_64-pc-linux-gnu"
define void @d(ptr swiftself %p) { ret void }

;--- swifterror.ll
target triple = "x86_64-pc-linux-gnu"
define void @d(ptr swifterror %p) { ret void }

;--- swiftasync.ll
target triple = "x86_64-pc-linux-gnu"
define void @d(ptr swiftasync %p) { ret void }

;--- inalloca.ll
target triple = "x86_64-pc-linux-gnu"
define void @d(ptr inalloca(i32) %p) { ret void }

;--- call-nest.ll
target triple = "x86_64-pc-linux-gnu"
declare void @e(ptr nest)
define void @f(ptr %p) {
  call void @e(ptr nest %p)
  ret void
}

;--- call-inreg.ll
target triple = "x86_64-pc-linux-gnu"
define void @f(ptr %p) {
  call void %p(i32 inreg 1)
  ret void
}

;--- addr.ll
target triple = "x86_64-pc-linux-gnu"
declare preserve_nonecc void @e()
@addr = global ptr @e

;--- ok.ll
; An internal fastcc/coldcc function called directly is set back to C.
target triple = "x86_64-pc-linux-gnu"
define internal fastcc i32 @f(i32 %x) { ret i32 %x }
define internal coldcc i32 @g(i32 %x) { ret i32 %x }
define i32 @h(i32 %x) {
  %a = call fastcc i32 @f(i32 %x)
  %b = call coldcc i32 @g(i32 %a)
  ret i32 %b
}
; OK-NOT: fastcc
; OK-NOT: coldcc
; OK: define internal i32 @f(
