#!/bin/sh
# review-fuzz4 reproducers. Usage: tests/review/fuzz4-copies/run.sh [build-dir]
# Prints one line per configuration: ok, MISMATCH, or the first compile error;
# exits 1 unless every line is ok (ctest review.fuzz4-copies).
B=${1:-$(dirname "$0")/../../../build}; D=$(dirname "$0"); T=${TMPDIR:-/tmp}/review-fuzz4.$$
bad=0
mkdir -p "$T"; trap 'rm -rf "$T"' EXIT
for f in copies-width.c held-cgoto.c held-gather.c; do
  clang-22 -O2 "$D/$f" -o "$T/native" && "$T/native" > "$T/native.out" || exit 1
  for O in 0 1 2 3 s z; do
    for X in "" -mno-implicit-float -msoft-float -mtune=core2 -march=atom -march=native -mavx2 -mno-sse; do
      case $f in held-gather.c) [ "$X" = -mno-sse ] && continue;; esac
      r=ok
      if ! "$B/bin/sfi-cc" -O$O $X "$D/$f" -o "$T/p.so" 2> "$T/err"; then
        r="FAIL: $(grep -m1 error "$T/err")"
      elif ! "$B/bin/sfi-run" "$T/p.so" > "$T/out" 2>&1 || ! cmp -s "$T/native.out" "$T/out"; then
        r=MISMATCH
      fi
      printf '%-14s -O%s %-20s %s\n' "$f" "$O" "$X" "$r"
      [ "$r" = ok ] || bad=1
    done
  done
done
exit $bad
