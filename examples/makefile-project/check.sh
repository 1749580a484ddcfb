#!/bin/sh
# check.sh: the CC=sfi-cc test. Builds this unchanged Makefile project twice,
# natively (CC=clang) and sandboxed (CC=sfi-cc, AR=llvm-ar), runs the native
# program and the module (under sfi-run) and requires identical output.
#   check.sh SFI_BINDIR WORKDIR CLANG LLVM_AR
set -eu
bindir=$(cd "$1" && pwd) work=$2 clang=$3 ar=$4
src=$(cd "$(dirname "$0")" && pwd)
fail() { echo "FAIL: $*"; exit 1; }

rm -rf "$work"
for b in native sfi; do
  mkdir -p "$work/$b"
  cp "$src"/*.c "$src"/*.h "$src"/Makefile "$work/$b/"
done
echo "== make CC=$clang"
make -C "$work/native" CC="$clang" || fail "native build"
echo "== make CC=$bindir/sfi-cc AR=$ar"
make -C "$work/sfi" CC="$bindir/sfi-cc" AR="$ar" || fail "sfi-cc build"

# The sandboxed build really is a module and the native one is not.
"$bindir/sfi-run" "$work/native/stats" >/dev/null 2>&1 &&
  fail "sfi-run accepted the native executable"

for args in "" "2000 7" "100000 12345"; do
  # shellcheck disable=SC2086
  "$work/native/stats" $args >"$work/native.out" || fail "native run ($args)"
  # shellcheck disable=SC2086
  "$bindir/sfi-run" "$work/sfi/stats" $args >"$work/sfi.out" ||
    fail "sandboxed run ($args)"
  [ "$(wc -l <"$work/native.out")" -eq 24 ] || fail "native output too short"
  cmp "$work/native.out" "$work/sfi.out" || {
    diff "$work/native.out" "$work/sfi.out" | head -20
    fail "outputs differ for args '$args'"
  }
  echo "same output for 'stats $args' ($(wc -c <"$work/sfi.out") bytes)"
done
head -4 "$work/sfi.out"
echo "PASS: make CC=sfi-cc builds the project; native and sandboxed outputs match"
