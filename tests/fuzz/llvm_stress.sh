#!/bin/sh
# llvm_stress.sh: fuzz the pass (IR and machine level) for compiler crashes
# with llvm-stress's random IR at every optimization level. A crash is a
# signal, an assertion, LLVM's "PLEASE submit a bug report" or an exit
# status above 1 (1 is a clean error, e.g. a construct the pass refuses);
# each one is kept as crash-SEED-OPT-MODE.ll/.log in OUT.
#   tests/fuzz/llvm_stress.sh [-l LEVELS] [-m MODES] BUILD_DIR FIRST LAST [OUT]
# Seeds FIRST..LAST, sizes 100..700 by seed.
#   -l LEVELS  comma-separated -O levels out of 0,1,2,3,s,z (default: all
#              six). At -O0 the functions also get `noinline optnone`, as
#              clang gives C functions at -O0 (the pass keeps every local
#              of an optnone function on the shadow stack).
#   -m MODES   alt (default: full mode, every 4th seed stores mode), full,
#              stores, or both (each seed and level in both modes).
# Prints one line per crash and a summary with the compiles per level.
# A long run, outside CI.
set -u
LEVELS=0,1,2,3,s,z
MODES=alt
while [ $# -gt 0 ]; do
  case "$1" in
  -l) LEVELS=$2; shift 2 ;;
  -m) MODES=$2; shift 2 ;;
  --) shift; break ;;
  -*) echo "llvm_stress.sh: unknown option $1" >&2; exit 2 ;;
  *) break ;;
  esac
done
B=${1:?usage: llvm_stress.sh [-l LEVELS] [-m MODES] BUILD_DIR FIRST LAST [OUT]}
FIRST=${2:?}
LAST=${3:?}
OUT=${4:-$(mktemp -d)}
P=$(cd "$B" && pwd)/lib/libsfi.so
for L in $(echo "$LEVELS" | tr ',' ' '); do
  case "$L" in
  0 | 1 | 2 | 3 | s | z) ;;
  *) echo "llvm_stress.sh: bad level '$L' (0,1,2,3,s,z)" >&2; exit 2 ;;
  esac
done
case "$MODES" in
alt | full | stores | both) ;;
*) echo "llvm_stress.sh: bad modes '$MODES' (alt, full, stores, both)" >&2; exit 2 ;;
esac
# the safety flags of every sandboxed compile (one list)
FLAGS=$(sed -n 's/^SFI_CFLAG("\([^"]*\)")$/\1/p' \
  "$(dirname "$0")/../../include/sfi_cflags.def")
mkdir -p "$OUT"
crashes=0
errors=0
runs=0
percount=
for s in $(seq "$FIRST" "$LAST"); do
  case "$MODES" in
  alt) ms=full; [ $((s % 4)) = 0 ] && ms=stores ;;
  both) ms="full stores" ;;
  *) ms=$MODES ;;
  esac
  llvm-stress-22 -seed "$s" -size $((100 + s % 7 * 100)) -o "$OUT/s.ll" || continue
  # The -O0 input: every function noinline optnone (as C at -O0).
  sed 's/^\(define .*)\) {$/\1 #9999 {/' "$OUT/s.ll" >"$OUT/s0.ll"
  echo 'attributes #9999 = { noinline optnone }' >>"$OUT/s0.ll"
  for L in $(echo "$LEVELS" | tr ',' ' '); do
    in="$OUT/s.ll"
    [ "$L" = 0 ] && in="$OUT/s0.ll"
    for m in $ms; do
      runs=$((runs + 1))
      percount="$percount O$L"
      # shellcheck disable=SC2086
      timeout 120 clang-22 -O"$L" $FLAGS -fvisibility=hidden \
        -Xclang -load -Xclang "$P" \
        -fpass-plugin="$P" -mllvm -sfi-mode=$m -mllvm -sfi-scheme=gs \
        -mllvm -sfi-verify -c "$in" -o "$OUT/s.o" >"$OUT/s.log" 2>&1
      rc=$?
      if [ $rc -gt 1 ] || grep -q "PLEASE submit\|Assertion\|Stack dump" "$OUT/s.log"; then
        crashes=$((crashes + 1))
        cp "$in" "$OUT/crash-$s-O$L-$m.ll"
        cp "$OUT/s.log" "$OUT/crash-$s-O$L-$m.log"
        echo "CRASH seed=$s -O$L mode=$m status=$rc"
      elif [ $rc -eq 1 ]; then
        # a clean error (a construct the pass refuses, a verifier report):
        # not a crash, but counted and kept
        errors=$((errors + 1))
        cp "$OUT/s.log" "$OUT/error-$s-O$L-$m.log"
      fi
    done
  done
done
rm -f "$OUT/s.ll" "$OUT/s0.ll" "$OUT/s.o" "$OUT/s.log"
per=$(echo $percount | tr ' ' '\n' | grep . | sort | uniq -c |
  awk '{printf "%s%s %s", sep, $2, $1; sep=", "}')
echo "llvm-stress: seeds $FIRST..$LAST, $runs compiles ($per), $crashes crashes, $errors clean errors (kept in $OUT)"
[ "$crashes" -eq 0 ]
