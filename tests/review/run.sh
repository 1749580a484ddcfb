#!/bin/sh
# run.sh BUILD_DIR: builds and runs the review's reproducers against the
# runtime in BUILD_DIR (default ../../build). Exit 1 if any escapes.
set -e
here=$(cd "$(dirname "$0")" && pwd)
b=$(cd "${1:-$here/../../build}" && pwd)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
L=/usr/lib/llvm-22/bin
cc -O1 -g -I"$here/../../runtime/include" -I"$here/../../include" \
  "$here/jtdup_host.c" -o "$t/host" "$b/lib/libsfirt.a" -lZydis -lm -lpthread
fail=0
# 1. jtdup: duplicate relocations at __sfi_jt_bounds
$L/clang -c "$here/jtdup.s" -o "$t/jtdup.o"
$L/ld.lld -shared -z now -z relro -Bsymbolic --hash-style=both \
  -z noexecstack -T "$b/lib/sfi.ld" "$b/lib/sfi_crt.o" "$t/jtdup.o" \
  -o "$t/jtdup_clean.so"
python3 "$here/jtdup_patch.py" "$t/jtdup_clean.so" "$t/jtdup.so"
echo "== jtdup"; "$t/host" "$t/jtdup.so" || fail=1
# 2. midexport: an exported non-function symbol in the middle of code
$L/clang -c "$here/midexport.s" -o "$t/midexport.o"
$L/ld.lld -shared -z now -z relro -Bsymbolic --hash-style=both \
  -z noexecstack -T "$b/lib/sfi.ld" "$b/lib/sfi_crt.o" "$t/midexport.o" \
  -o "$t/midexport.so"
echo "== midexport"; "$t/host" "$t/midexport.so" || fail=1
exit $fail
