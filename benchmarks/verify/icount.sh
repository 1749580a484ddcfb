#!/bin/sh
# benchmarks/verify/icount.sh: instructions (callgrind Ir) the verifier
# executes per byte of code, the load-independent figure: sfi_verify is
# run 4 times (`--time 3`) under callgrind with collection on inside
# sfi_verify only.
# Usage: benchmarks/verify/icount.sh SFI_VERIFY module.so...
# (FLAGS: extra sfi-verify flags, e.g. --no-fast)
set -e
V=${1:?usage: icount.sh SFI_VERIFY module.so...}
shift
T=$(mktemp)
trap 'rm -f "$T"' EXIT
for m in "$@"; do
  valgrind --tool=callgrind --callgrind-out-file="$T" \
    --toggle-collect=sfi_verify "$V" $FLAGS --time 3 "$m" >/dev/null 2>&1
  ir=$(grep -E '^(summary|totals):' "$T" | head -n 1 | awk '{print $2}')
  bytes=$("$V" $FLAGS --time 1 "$m" | tail -n 1 | awk '{print $1}')
  echo "$m: $bytes bytes of code, $((ir / 4)) Ir per verification, $(echo "scale=1; $ir / 4 / $bytes" | bc) Ir/byte"
done
