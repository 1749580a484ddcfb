#!/bin/sh
# csmith_diff.sh: differential testing with csmith. For each seed, generate
# a program, build it natively (clang-22 -O<L>) and with sfi-cc, run both
# and compare the checksums. Prints one line per seed and a summary; exits
# 1 on any mismatch, build failure or sandbox trap. A seed whose native run
# times out or ends without a checksum is reported as "skip" and does not
# count as a pass (the CI seed lists contain only seeds that terminate
# normally).
#   csmith_diff.sh [-O L] [-j JOBS] [--keep DIR] (--seeds-file F | SEED...)
#   csmith_diff.sh --range FIRST LAST       (for long runs outside CI)
# Env: SFI_BIN (build/bin), CSMITH_OPTS (generator options).
set -u
OPT=2
JOBS=2
KEEP=
SEEDS=
while [ $# -gt 0 ]; do
  case "$1" in
  -O) OPT=$2; shift 2 ;;
  -j) JOBS=$2; shift 2 ;;
  --keep) KEEP=$2; shift 2 ;;
  --seeds-file) SEEDS="$SEEDS $(grep -v '^#' "$2")"; shift 2 ;;
  --range) SEEDS="$SEEDS $(seq "$2" "$3")"; shift 3 ;;
  *) SEEDS="$SEEDS $1"; shift ;;
  esac
done
: "${SFI_BIN:?set SFI_BIN to the build's bin directory}"
CSMITH_OPTS=${CSMITH_OPTS:---max-funcs 6 --no-packed-struct}
CSMITH_INC=${CSMITH_INC:-/usr/include/csmith}
export OPT SFI_BIN CSMITH_OPTS CSMITH_INC
WORK=${KEEP:-${WORK:-$(mktemp -d)}}
mkdir -p "$WORK"
export WORK

one() {
  s=$1
  d="$WORK/$s"
  mkdir -p "$d"
  if ! csmith --seed "$s" $CSMITH_OPTS -o "$d/p.c" >/dev/null 2>&1; then
    echo "FAIL $s: csmith"
    return
  fi
  if ! clang-22 -O"$OPT" -w -I"$CSMITH_INC" "$d/p.c" -o "$d/native" 2>"$d/nb.err"; then
    echo "FAIL $s: native build"
    return
  fi
  if ! "$SFI_BIN/sfi-cc" -O"$OPT" -w -I"$CSMITH_INC" "$d/p.c" -o "$d/p.so" 2>"$d/sb.err"; then
    echo "FAIL $s: sfi-cc build: $(grep -m1 error "$d/sb.err" | cut -c1-200)"
    return
  fi
  timeout 10 "$d/native" >"$d/n.out" 2>/dev/null
  nrc=$?
  if [ $nrc -eq 124 ]; then
    echo "skip $s: native timeout"
    return
  fi
  # A program whose native build ends without its checksum hit undefined
  # behaviour the optimizer exploited (e.g. a side-effect-free endless loop
  # deleted): there is no reference to compare against.
  if [ $nrc -ne 0 ] || ! grep -q '^checksum = ' "$d/n.out"; then
    echo "skip $s: native run invalid (status $nrc, no checksum)"
    return
  fi
  timeout 60 "$SFI_BIN/sfi-run" "$d/p.so" >"$d/s.out" 2>"$d/s.err"
  src=$?
  if [ $nrc -ne $src ] || ! cmp -s "$d/n.out" "$d/s.out"; then
    echo "MISMATCH $s: native rc=$nrc '$(tail -1 "$d/n.out")' sandboxed rc=$src '$(tail -1 "$d/s.out")' $(head -1 "$d/s.err" | cut -c1-160)"
    return
  fi
  echo "ok $s $(tail -1 "$d/n.out")"
  [ -z "${KEEP_ALL:-}" ] && rm -rf "$d"
}

# POSIX sh has no export -f: re-enter this script per seed instead.
if [ "${CSMITH_DIFF_ONE:-}" ]; then
  one "$CSMITH_DIFF_ONE"
  exit 0
fi
log="$WORK/results.txt"
echo $SEEDS | tr ' ' '\n' | grep . |
  xargs -P "$JOBS" -I{} env CSMITH_DIFF_ONE={} sh "$0" -O "$OPT" >"$log"
sort -n -k2 "$log" | grep -v '^ok' | head -50
ok=$(grep -c '^ok' "$log")
skip=$(grep -c '^skip' "$log")
bad=$(grep -vc '^ok\|^skip' "$log")
echo "csmith -O$OPT: $ok identical, $bad mismatched or failed, $skip skipped (native timeout or no checksum); seeds: $(wc -l <"$log")"
[ -z "$KEEP" ] && [ "$bad" -eq 0 ] && rm -rf "$WORK"
[ "$bad" -eq 0 ] && [ "$ok" -gt 0 ]
