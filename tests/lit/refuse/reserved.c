// Names and sections the crt, the linker and the pass use for the
// sandbox's bookkeeping may not be defined by sandboxed code: they would
// forge the jump table, its bounds, the stack pointer or the marker.
// RUN: %not %sfi-clang -O2 -c %s -o /dev/null 2>&1 | %FileCheck %s
// CHECK-DAG: the name '__start_sfi_jt' is reserved for libsfi
// CHECK-DAG: the name '__sfi_note' is reserved for libsfi
// CHECK-DAG: 'jt_data' may not be placed in section 'sfi_jt', which is reserved for libsfi
// CHECK-DAG: 'note' may not be placed in section '.note.sfi', which is reserved for libsfi
char __start_sfi_jt[16];
const char __sfi_note[4] = {1, 2, 3, 4};
__attribute__((section("sfi_jt"), used)) const unsigned char jt_data[16] = {0xc3};
__attribute__((section(".note.sfi"), used)) const int note[8] = {8};
