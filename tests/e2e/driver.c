// driver.c: sfi-cc behaves like the cc a Makefile expects: several sources
// in one command, -I/-D, -o defaulting to a.out, -E, -S, -MMD/-MF
// dependency files, -Wl, flags, -v, and --version passed to clang.
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: sfi-cc -O2 -I%S/Inputs -DEXTRA=2 %s %S/Inputs/driver-lib.c
// RUN: sfi-run a.out | FileCheck %s --check-prefix=RUNOUT
// RUNOUT: lib_value 42
// RUN: sfi-cc -O1 -I%S/Inputs -DEXTRA=2 -MMD -MF %t/lib.d -c %S/Inputs/driver-lib.c -o %t/lib.o
// RUN: FileCheck %s --check-prefix=DEP < %t/lib.d
// DEP: lib.o:
// DEP: driver-lib.c
// DEP: driver-lib.h
// RUN: sfi-cc -E -I%S/Inputs -DEXTRA=2 %S/Inputs/driver-lib.c | FileCheck %s --check-prefix=PRE
// PRE: int lib_value(void) { return 40 + 2; }
// RUN: sfi-cc -S -O2 -I%S/Inputs -DEXTRA=2 %S/Inputs/driver-lib.c -o %t/lib.s
// RUN: FileCheck %s --check-prefix=ASM < %t/lib.s
// ASM: lib_value:
// ASM: .note.sfi
// RUN: sfi-cc -O2 -c %s -o %t/main.o && sfi-cc %t/main.o %t/lib.o -Wl,-O1 -Wl,-z,relro -o %t/prog.so
// RUN: sfi-run %t/prog.so | FileCheck %s --check-prefix=RUNOUT
// RUN: sfi-cc -v -c %s -o %t/v.o 2>&1 | FileCheck %s --check-prefix=VERBOSE
// VERBOSE: clang {{.*}}-fpass-plugin={{.*}}libsfi.so
// RUN: sfi-cc --version | FileCheck %s --check-prefix=VERSION
// VERSION: clang version 22
// Debian's default hardening flags (dpkg-buildflags) do not get in the way.
// RUN: sfi-cc -g -O2 -fstack-protector-strong -Wformat -Werror=format-security \
// RUN:   -D_FORTIFY_SOURCE=2 -fcf-protection -I%S/Inputs -DEXTRA=2 %s \
// RUN:   %S/Inputs/driver-lib.c -Wl,-z,relro -Wl,-z,now -o %t/hardened.so
// RUN: sfi-run %t/hardened.so | FileCheck %s --check-prefix=RUNOUT
#include <stdio.h>

int lib_value(void);

int main(void) {
  printf("lib_value %d\n", lib_value());
  return 0;
}
