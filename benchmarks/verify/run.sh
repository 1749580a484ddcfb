#!/bin/sh
# benchmarks/verify/run.sh: verifier throughput (MiB of code per second of
# CPU time, the fair figure on a shared machine) on two synthetic modules
# in the version-2 shape (tests/verify/gen_module.py: 100000 functions,
# ~17 MB of code, one with repetitive and one with varied operands) and on
# real modules of the build (libc-linked test modules, the example plugin,
# the stress batches), or on the modules given. Each module: RUNS runs of
# `sfi-verify --time REPS` pinned to one core, the median and all runs.
# Usage: benchmarks/verify/run.sh BUILD_DIR [module.so...]
# Environment: VERIFY (the sfi-verify binary to time, default
# BUILD_DIR/bin/sfi-verify), FLAGS (extra sfi-verify flags, e.g.
# --no-fast), CPU (core to pin to, default 1), RUNS (default 5), REPS
# (default 50; 3 for the synthetic modules).
set -e
B=${1:?usage: run.sh BUILD_DIR [module.so...]}
shift
HERE=$(cd "$(dirname "$0")" && pwd)
VERIFY=${VERIFY:-$B/bin/sfi-verify}
CPU=${CPU:-1}
RUNS=${RUNS:-5}
PIN=""
command -v taskset >/dev/null 2>&1 && PIN="taskset -c $CPU"
if [ $# -eq 0 ]; then
  D=$(mktemp -d)
  trap 'rm -rf "$D"' EXIT
  python3 "$HERE/../../tests/verify/gen_module.py" --out "$D/synthetic-same.so" \
    --funcs 100000
  python3 "$HERE/../../tests/verify/gen_module.py" \
    --out "$D/synthetic-varied.so" --funcs 100000 --vary
  set -- "$D/synthetic-same.so" "$D/synthetic-varied.so"
  for m in tests/runtime/tmod.so tests/runtime/prog.so \
           tests/escape/modules-default/deep_frame.so \
           tests/escape/modules-stores/deep_frame.so \
           tests/escape/modules-default/extern_data.so \
           examples/imgdecode/imgdecode.so \
           tests/stress/ci-default/batch.so tests/stress/ci-avx512/batch.so; do
    [ -f "$B/$m" ] && set -- "$@" "$B/$m"
  done
fi
for m in "$@"; do
  case "$m" in
  */synthetic-*) reps=${REPS:-3} ;;
  *) reps=${REPS:-50} ;;
  esac
  out=""
  i=0
  while [ $i -lt "$RUNS" ]; do
    line=$($PIN "$VERIFY" $FLAGS --time "$reps" "$m" | tail -n 1)
    case "$line" in
    *"bytes of code"*) ;;
    *) echo "$m: $line"; exit 1 ;;
    esac
    bytes=${line%% bytes*}
    out="$out $(echo "$line" | sed 's/.*cpu (\([0-9.]*\) MiB.*/\1/')"
    i=$((i + 1))
  done
  med=$(echo $out | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%s: %s bytes of code, median %s MiB/s cpu (runs:%s)\n' \
    "$(echo "$m" | sed "s|^$B/||; s|.*/synthetic-|synthetic-|")" "$bytes" "$med" "$out"
done
