// No argument is passed on the native stack: what does not fit in
// registers goes to a buffer in the region, whose address is the last
// integer argument (pass/StackArgs.cpp), at definitions and at calls.
// RUN: %sfi-clang -O2 -fPIC -S -emit-llvm %s -o - | %FileCheck %s --check-prefix=IR
// RUN: %sfi-clang -O2 -fPIC -S %s -o - | %FileCheck %s --check-prefix=ASM

// IR-LABEL: define {{.*}}i64 @eight(i64 {{[^,]*}}, i64 {{[^,]*}}, i64 {{[^,]*}}, i64 {{[^,]*}}, i64 {{[^,]*}}, ptr {{[^,]*}})
// ASM-LABEL: eight:
// ASM-NOT: {{[0-9]+}}(%rsp)
// ASM: retq
long eight(long a, long b, long c, long d, long e, long f, long g, long h) {
  return a + b + c + d + e + f * g * h;
}

// A long double argument is always memory class.
// IR-LABEL: define {{.*}}@half(ptr {{[^,]*}})
long double half(long double x) { return x / 2; }

// Calls through pointers use the same convention, so a callee of another
// signature reads registers and region memory, never the caller's frame.
// IR-LABEL: define {{.*}}@callp(
// IR: call i64 %{{[0-9]+}}(i64 noundef 1, i64 noundef 2, i64 noundef 3, i64 noundef 4, i64 noundef 5, ptr {{[^,]*}})
long callp(long (*f)(long, long, long, long, long, long, long, long)) {
  return f(1, 2, 3, 4, 5, 6, 7, 8);
}
