; The pass prints its parameters in -print-pipeline-passes as the pipeline
; parser reads them back (issue 17): mode, scheme, verify.
; RUN: %opt -passes='sfi<stores;no-verify>,sfi-verify<anchor;verify>' -print-pipeline-passes -disable-output %s | %FileCheck %s
; CHECK: sfi<stores;gs;no-verify>,sfi-verify<full;anchor;verify>
; The printed text parses again and prints the same.
; RUN: %opt -passes='sfi<stores;gs;no-verify>,sfi-verify<full;anchor;verify>' -print-pipeline-passes -disable-output %s | %FileCheck %s
; An unknown parameter is not a pipeline this plugin knows.
; RUN: %not %opt -passes='sfi<bogus>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=BAD
; BAD: unknown pass name 'sfi<bogus>'
target triple = "x86_64-pc-linux-gnu"
define i32 @f(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}
