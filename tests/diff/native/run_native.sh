#!/bin/sh
# run_native.sh: builds a test program against the sandbox libc natively
# (no pass: libsfic-native.a, run by sfi-libc-shim) and against glibc, runs
# both and compares their output. For checks that need host facilities the
# sandbox lacks (mmap'd guard pages).
#   run_native.sh BUILD_DIR prog.c
set -u
BUILD=$1
SRC=$2
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
RES=$(clang-22 -print-resource-dir)
clang-22 -nostdinc -isystem "$RES/include" -isystem /usr/include/x86_64-linux-musl \
  -fPIC -fno-plt -O2 -w -c "$SRC" -o "$W/p.o" || exit 1
ld.lld-22 -shared -Bsymbolic -z now "$W/p.o" "$BUILD/lib/sfi_start-native.o" \
  "$BUILD/lib/libsfic-native.a" -o "$W/p.so" || exit 1
clang-22 -O2 -w "$SRC" -o "$W/glibc" || exit 1
"$W/glibc" >"$W/glibc.out" || { echo "FAIL: glibc build failed to run"; exit 1; }
"$BUILD/bin/sfi-libc-shim" "$W/p.so" >"$W/sfic.out" || { echo "FAIL: sandbox libc faulted or failed"; exit 1; }
cmp -s "$W/glibc.out" "$W/sfic.out" || { echo "FAIL: output differs"; diff "$W/glibc.out" "$W/sfic.out" | head; exit 1; }
echo "ok $(basename "$SRC"): $(cat "$W/sfic.out")"
