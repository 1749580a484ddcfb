#!/bin/sh
# run.sh [BUILD_DIR]: builds the review's hand-made modules (assembly linked
# with the crt the way tests/verify/gen_module.py does) and runs each in
# jtdup_host against the runtime in BUILD_DIR (default ../../build).
# Exit 1 if any module escapes (writes the host canary).
set -e
here=$(cd "$(dirname "$0")" && pwd)
b=$(cd "${1:-$here/../../build}" && pwd)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
L=/usr/lib/llvm-22/bin
cc -O1 -g -I"$here/../../runtime/include" -I"$here/../../include" \
  "$here/jtdup_host.c" -o "$t/host" "$b/lib/libsfirt.a" -lZydis -lm -lpthread
link() {
  $L/clang -c "$here/$1.s" -o "$t/$1.o"
  $L/ld.lld -shared -z now -z relro -Bsymbolic --hash-style=both \
    -z noexecstack -T "$b/lib/sfi.ld" "$b/lib/sfi_crt.o" "$t/$1.o" \
    -o "$t/$1.so"
}
fail=0
for m in jtdup midexport btsrsp btsrip btsgs setjmp_noleave; do
  link $m
  # jtdup: two relocations at __sfi_jt_bounds (a patched file)
  [ $m = jtdup ] && python3 "$here/jtdup_patch.py" "$t/$m.so" "$t/$m.so"
  echo "== $m: $("$b/bin/sfi-verify" "$t/$m.so")"
  "$t/host" "$t/$m.so" || fail=1
done
exit $fail
