#!/bin/sh
# bench_levels.sh: the benchmark programs (benchmarks/programs/*.c) at
# every optimization level and in both modes: each is built natively
# (clang-22 -O2, the reference) and with sfi-cc at -O0 -O1 -O2 -O3 -Os -Oz
# (full and stores-only), run with its `small` input, and compared. The
# benchmark suite itself builds only at -O2 (benchmarks/run.sh). Prints
# one line per build that fails, crashes or differs, and a summary.
#   SFI_BIN=build/bin tests/fuzz/bench_levels.sh [OUT]
set -u
: "${SFI_BIN:?set SFI_BIN to the build's bin directory}"
here=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$(mktemp -d)}
mkdir -p "$OUT"
n=0
bad=0
for src in "$here"/../../benchmarks/programs/*.c; do
  p=$(basename "$src" .c)
  clang-22 -O2 -w "$src" -o "$OUT/$p.native" -lm || { echo "FAIL $p native build"; continue; }
  timeout 60 "$OUT/$p.native" small >"$OUT/$p.ref" 2>/dev/null || { echo "FAIL $p native run"; continue; }
  for L in 0 1 2 3 s z; do
    for m in full stores; do
      n=$((n + 1))
      if ! timeout 600 "$SFI_BIN/sfi-cc" -O$L -fsfi-mode=$m -w "$src" \
          -o "$OUT/$p.so" -lm >"$OUT/$p-O$L-$m.log" 2>&1; then
        bad=$((bad + 1))
        echo "FAIL $p -O$L $m build: $(grep -m1 'error\|PLEASE' "$OUT/$p-O$L-$m.log" | cut -c1-160)"
        continue
      fi
      timeout 300 "$SFI_BIN/sfi-run" "$OUT/$p.so" small >"$OUT/$p.out" 2>>"$OUT/$p-O$L-$m.log"
      rc=$?
      if [ $rc -ne 0 ] || ! cmp -s "$OUT/$p.ref" "$OUT/$p.out"; then
        bad=$((bad + 1))
        echo "MISMATCH $p -O$L $m status $rc"
        continue
      fi
      rm -f "$OUT/$p-O$L-$m.log"
    done
  done
done
echo "bench_levels: $n builds and runs, $bad failed or differed (kept in $OUT)"
[ "$bad" -eq 0 ]
