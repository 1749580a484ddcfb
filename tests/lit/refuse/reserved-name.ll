; User code may not define functions in the pass's namespace (the pass
; would take them for its own jump-table entries and leave them alone).
; RUN: %not %opt -passes=sfi -disable-output %s 2>&1 | %FileCheck %s
; CHECK: error: libsfi: {{.*}}the name '__sfi_jt.f' is reserved for libsfi
target triple = "x86_64-pc-linux-gnu"
define void @__sfi_jt.f() {
  store i32 1, ptr inttoptr (i64 4096 to ptr)
  ret void
}
