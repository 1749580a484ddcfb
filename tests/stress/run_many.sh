#!/bin/sh
# run_many.sh: the long run of the random-program monitor: BATCHES batches of
# 100 llvm-stress functions each, seeds from START on, each generated,
# compiled with the pass, linked and run under the monitor (CALLS calls per
# function), after the static scan (scan_gs.py) of its machine code, unless
# SFI_STRESS_FLAGS selects the anchor scheme. Stops at the first batch with a
# violation, leaving it in WORK;
# with KEEP_GOING=1 it copies that batch to WORK.fail.START and goes on.
# usage: run_many.sh BUILD_DIR START BATCHES [CALLS] [WORK]
#   e.g. tests/stress/run_many.sh build 1000 50      (5000 functions)
set -eu
build=$1 start=$2 batches=$3 calls=${4:-3} work=${5:-/tmp/sfi-stress}
here=$(cd "$(dirname "$0")" && pwd)
stress=/usr/lib/llvm-22/bin/llvm-stress
b=0
while [ "$b" -lt "$batches" ]; do
  s=$((start + b * 100))
  rm -rf "$work"
  sh "$here/gen_batch.sh" "$build/bin/sfi-cc" "$stress" "$work" "$s" 100
  scan=0
  case "${SFI_STRESS_FLAGS:-}" in
  *anchor*) ;;
  *) python3 "$here/scan_gs.py" "$work/batch.so" || scan=1 ;;
  esac
  if ! "$build/bin/stress" "$work/batch.so" "$work/seeds.txt" "$calls" "$s" ||
     [ "$scan" = 1 ]; then
    if [ "${KEEP_GOING:-0}" = 1 ]; then
      rm -rf "$work.fail.$s"
      cp -r "$work" "$work.fail.$s"
      echo "run_many: violation in batch $s..$((s + 99)); kept in $work.fail.$s" >&2
    else
      echo "run_many: violation in batch $s..$((s + 99)); inputs kept in $work" >&2
      exit 1
    fi
  fi
  b=$((b + 1))
done
