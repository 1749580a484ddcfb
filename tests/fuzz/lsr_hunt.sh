#!/bin/sh
# lsr_hunt.sh: compile the loop programs of tests/fuzz/lsr/ (loops that
# give Loop Strength Reduction what the pass emits: pointer induction
# variables into the region, shadow-stack locals and dynamic shadow frames
# in loops, setjmp, computed goto, varargs, vector and unrolled loops) with
# the pass at every -O level, both modes, and several code-generation flag
# sets. A crash (signal, assertion, "PLEASE submit", stack dump, or an exit
# status above 1) is kept as crash-FILE-OLEVEL-MODE-FLAGSET.log in OUT; a
# clean error (status 1: something the pass or machine pass refused) as
# error-*.log. Then all programs are linked into one module with sfi-cc
# -flto at -O1..-Oz in both modes.
#   tests/fuzz/lsr_hunt.sh BUILD_DIR [OUT [FILE.c...]]
# With FILEs (e.g. benchmarks/programs/*.c) those are compiled instead of
# lsr/*.c, and the -flto link is skipped.
# Env: LSR_FLAGSETS (';'-separated flag sets; default below).
set -u
B=${1:?usage: lsr_hunt.sh BUILD_DIR [OUT [FILE.c...]]}
OUT=${2:-$(mktemp -d)}
[ $# -ge 2 ] && shift 2 || shift $#
mkdir -p "$OUT"
here=$(cd "$(dirname "$0")" && pwd)
P=$(cd "$B" && pwd)/lib/libsfi.so
FLAGS=$(sed -n 's/^SFI_CFLAG("\([^"]*\)")$/\1/p' "$here/../../include/sfi_cflags.def")
SETS=${LSR_FLAGSETS:-"-g0;-funroll-loops;-march=native;-mavx2 -mfma;-march=x86-64-v4 -funroll-loops;-ffast-math -funroll-loops -g;-mno-implicit-float;-mtune=core2"}
runs=0
crashes=0
errors=0
IFS_SAVE=$IFS
# judge STATUS TAG WHAT: the compile whose output is $OUT/t.log crashed
# (kept as crash-TAG.log) or stopped with a clean error (error-TAG.log).
judge() {
  if [ "$1" -gt 1 ] || grep -q "PLEASE submit\|Assertion\|Stack dump" "$OUT/t.log"; then
    crashes=$((crashes + 1))
    cp "$OUT/t.log" "$OUT/crash-$2.log"
    echo "CRASH $3 status $1"
  elif [ "$1" -ne 0 ]; then
    errors=$((errors + 1))
    cp "$OUT/t.log" "$OUT/error-$2.log"
    echo "ERROR $3: $(grep -m1 error "$OUT/t.log" | cut -c1-200)"
  fi
}
[ $# -eq 0 ] && set -- "$here"/lsr/*.c && LTO=1
for f in "$@"; do
  name=$(basename "$f" .c)
  IFS=';'
  for set in $SETS; do
    IFS=$IFS_SAVE
    sid=$(echo "$set" | tr -c 'A-Za-z0-9=\n-' '_' | tr ' ' '_')
    for L in 0 1 2 3 s z; do
      for m in full stores; do
        runs=$((runs + 1))
        # shellcheck disable=SC2086
        timeout 300 clang-22 -O"$L" $set $FLAGS -fvisibility=hidden -w \
          -fno-crash-diagnostics -Xclang -load -Xclang "$P" \
          -fpass-plugin="$P" -mllvm -sfi-mode=$m -mllvm -sfi-verify \
          -c "$f" -o "$OUT/t.o" >"$OUT/t.log" 2>&1
        judge $? "$name-O$L-$m-$sid" "$name -O$L $m [$set]"
      done
    done
    IFS=';'
  done
  IFS=$IFS_SAVE
done
# -flto: the link-time optimizer runs the whole pipeline again over the
# sandboxed IR (LICM, GVN, the loop passes), then code generation (LSR);
# all programs and their stubs make one module, built by sfi-cc.
if [ -n "${LTO:-}" ] && [ -x "$B/bin/sfi-cc" ]; then
  for L in 1 2 3 s z; do
    for m in full stores; do
      runs=$((runs + 1))
      timeout 600 "$B/bin/sfi-cc" -O"$L" -fsfi-mode=$m -flto -shared \
        -fsfi-exports=all -w "$here"/lsr/*.c "$here"/lsr/Inputs/stubs.c \
        -o "$OUT/t.so" >"$OUT/t.log" 2>&1
      judge $? "lto-O$L-$m" "-flto -O$L $m"
    done
  done
fi
rm -f "$OUT/t.o" "$OUT/t.so" "$OUT/t.log"
echo "lsr_hunt: $runs compiles, $crashes crashes, $errors clean errors (kept in $OUT)"
[ "$crashes" -eq 0 ] && [ "$errors" -eq 0 ]
