// Functions may not be placed in the jump-table section either (they would
// become table entries).
// RUN: %not %sfi-clang -O2 -c %s -o /dev/null 2>&1 | %FileCheck %s
// CHECK: 'fn' may not be placed in section 'sfi_jt', which is reserved for libsfi
__attribute__((section("sfi_jt"))) void fn(void) {}
