#!/bin/sh
# llvm_stress.sh: fuzz the pass (IR and machine level) for compiler crashes
# with llvm-stress's random IR at every optimization level. A crash is a
# signal, an assertion, LLVM's "PLEASE submit a bug report" or an exit
# status above 1 (1 is a clean error, e.g. a construct the pass refuses);
# each one is kept as crash-SEED-OPT-MODE.ll/.log in OUT.
#   tests/fuzz/llvm_stress.sh BUILD_DIR FIRST LAST [OUT]
# Seeds FIRST..LAST, sizes 100..700 by seed, -O1/-O2/-O3/-Os each, full
# mode (every 4th seed: stores mode). A long run, outside CI.
set -u
B=${1:?usage: llvm_stress.sh BUILD_DIR FIRST LAST [OUT]}
FIRST=${2:?}
LAST=${3:?}
OUT=${4:-$(mktemp -d)}
P=$(cd "$B" && pwd)/lib/libsfi.so
# the safety flags of every sandboxed compile (one list)
FLAGS=$(sed -n 's/^SFI_CFLAG("\([^"]*\)")$/\1/p' \
  "$(dirname "$0")/../../include/sfi_cflags.def")
mkdir -p "$OUT"
crashes=0
runs=0
for s in $(seq "$FIRST" "$LAST"); do
  m=full
  [ $((s % 4)) = 0 ] && m=stores
  llvm-stress-22 -seed "$s" -size $((100 + s % 7 * 100)) -o "$OUT/s.ll" || continue
  for O in O1 O2 O3 Os; do
    runs=$((runs + 1))
    # shellcheck disable=SC2086
    timeout 120 clang-22 -"$O" $FLAGS -fvisibility=hidden \
      -Xclang -load -Xclang "$P" \
      -fpass-plugin="$P" -mllvm -sfi-mode=$m -mllvm -sfi-scheme=gs \
      -mllvm -sfi-verify -c "$OUT/s.ll" -o "$OUT/s.o" >"$OUT/s.log" 2>&1
    rc=$?
    if [ $rc -gt 1 ] || grep -q "PLEASE submit\|Assertion\|Stack dump" "$OUT/s.log"; then
      crashes=$((crashes + 1))
      cp "$OUT/s.ll" "$OUT/crash-$s-$O-$m.ll"
      cp "$OUT/s.log" "$OUT/crash-$s-$O-$m.log"
      echo "CRASH seed=$s -$O mode=$m status=$rc"
    fi
  done
done
rm -f "$OUT/s.ll" "$OUT/s.o" "$OUT/s.log"
echo "llvm-stress: seeds $FIRST..$LAST, $runs compiles, $crashes crashes (kept in $OUT)"
[ "$crashes" -eq 0 ]
