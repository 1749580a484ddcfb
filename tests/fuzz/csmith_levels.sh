#!/bin/sh
# csmith_levels.sh: compile-and-compare campaign with csmith programs at
# every optimization level, in both modes of the pass. For each seed:
# generate a program, build it natively (clang-22 -O1) as the reference,
# run it; then build it with sfi-cc at each level (-O0 -O1 -O2 -O3 -Os -Oz)
# and run each module with sfi-run. Per level and mode one line:
#   ok     the same output and exit status as the reference
#   CRASH  sfi-cc's compile crashed (a signal, an assertion, "PLEASE submit
#          a bug report", a stack dump, or an exit status above 1)
#   FAIL   sfi-cc refused the program (status 1) or sfi-run trapped
#   MISMATCH  wrong code: a different output or status, where a native
#          build at the same level agrees with the reference
#   skip   the reference run timed out or ended without a checksum, or the
#          native build at that level disagrees with the -O1 one (csmith
#          program with undefined behaviour): no verdict
# Every CRASH, FAIL and MISMATCH keeps its program, build log and outputs
# as OUT/<kind>-SEED-OLEVEL-MODE.* (the reproducer); nothing else is kept.
#   csmith_levels.sh [-l LEVELS] [-m MODES] [-j JOBS] [--out DIR]
#                    (--range FIRST LAST | SEED...)
#   -l LEVELS  comma-separated, out of 0,1,2,3,s,z (default: all six)
#   -m MODES   alt (default: full for odd seeds, stores for even), full,
#              stores, or both (every level in both modes)
#   -j JOBS    seeds in parallel (default 1)
#   --gen cgoto  programs from cgoto_gen.py SEED (direct-threaded
#              interpreters: computed goto through label tables) instead
#              of csmith; the reference run needs no checksum line
# Env: SFI_BIN (the build's bin directory), CSMITH_OPTS, CSMITH_INC.
# Exit status 0 only if no CRASH, FAIL or MISMATCH. Long runs, outside CI.
set -u
# A child (one seed, re-entered through xargs below) takes every setting
# from the environment its parent exported.
if [ -z "${CSMITH_LEVELS_ONE:-}" ]; then
  LEVELS=0,1,2,3,s,z
  MODES=alt
  JOBS=1
  OUT=
  SEEDS=
  GEN=csmith
  while [ $# -gt 0 ]; do
    case "$1" in
    -l) LEVELS=$2; shift 2 ;;
    -m) MODES=$2; shift 2 ;;
    -j) JOBS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --gen) GEN=$2; shift 2 ;;
    --range) SEEDS="$SEEDS $(seq "$2" "$3")"; shift 3 ;;
    -*) echo "csmith_levels.sh: unknown option $1" >&2; exit 2 ;;
    *) SEEDS="$SEEDS $1"; shift ;;
    esac
  done
  : "${SFI_BIN:?set SFI_BIN to the build's bin directory}"
  CSMITH_OPTS=${CSMITH_OPTS:---max-funcs 6 --no-packed-struct}
  CSMITH_INC=${CSMITH_INC:-/usr/include/csmith}
  OUT=${OUT:-$(mktemp -d)}
  mkdir -p "$OUT"
  OUT=$(cd "$OUT" && pwd)
  case "$GEN" in
  csmith | cgoto) ;;
  *) echo "csmith_levels.sh: --gen csmith|cgoto" >&2; exit 2 ;;
  esac
  HERE=$(cd "$(dirname "$0")" && pwd)
  export LEVELS MODES SFI_BIN CSMITH_OPTS CSMITH_INC OUT GEN HERE
fi

crashed() { # LOG STATUS
  [ "$2" -gt 1 ] ||
    grep -q "PLEASE submit\|Assertion\|Stack dump\|failed due to signal" "$1"
}

one() {
  s=$1
  d="$OUT/w$s"
  rm -rf "$d"
  mkdir -p "$d"
  if [ "$GEN" = cgoto ]; then
    python3 "$HERE/cgoto_gen.py" "$s" >"$d/p.c"
  else
    csmith --seed "$s" $CSMITH_OPTS -o "$d/p.c" >/dev/null 2>&1
  fi
  if [ $? -ne 0 ]; then
    echo "skip $s - - generator"
    rm -rf "$d"
    return
  fi
  if ! clang-22 -O1 -w -I"$CSMITH_INC" "$d/p.c" -o "$d/native" 2>"$d/nb.err"; then
    echo "skip $s - - native build"
    rm -rf "$d"
    return
  fi
  timeout 3 "$d/native" >"$d/n.out" 2>/dev/null
  nrc=$?
  if [ $nrc -ne 0 ] || { [ "$GEN" = csmith ] && ! grep -q '^checksum = ' "$d/n.out"; }; then
    echo "skip $s - - reference run (status $nrc)"
    rm -rf "$d"
    return
  fi
  case "$MODES" in
  alt) ms=full; [ $((s % 2)) = 0 ] && ms=stores ;;
  both) ms="full stores" ;;
  *) ms=$MODES ;;
  esac
  for L in $(echo "$LEVELS" | tr ',' ' '); do
    for m in $ms; do
      tag="$s-O$L-$m"
      keep() { # KIND
        cp "$d/p.c" "$OUT/$1-$tag.c"
        cp "$d/sb.err" "$OUT/$1-$tag.log"
        [ -f "$d/s.out" ] && cp "$d/s.out" "$OUT/$1-$tag.sandboxed.out"
        cp "$d/n.out" "$OUT/$1-$tag.native.out"
      }
      rm -f "$d/s.out" "$d/p.so"
      timeout 600 "$SFI_BIN/sfi-cc" -O"$L" -fsfi-mode="$m" -w \
        -I"$CSMITH_INC" "$d/p.c" -o "$d/p.so" >"$d/sb.err" 2>&1
      rc=$?
      if crashed "$d/sb.err" $rc; then
        keep crash
        echo "CRASH $s O$L $m status $rc: $(grep -m1 'error\|Assert' "$d/sb.err" | cut -c1-160)"
        continue
      fi
      if [ $rc -ne 0 ]; then
        keep fail
        echo "FAIL $s O$L $m sfi-cc status $rc: $(grep -m1 error "$d/sb.err" | cut -c1-160)"
        continue
      fi
      timeout 120 "$SFI_BIN/sfi-run" "$d/p.so" >"$d/s.out" 2>>"$d/sb.err"
      src=$?
      if [ $src -eq $nrc ] && cmp -s "$d/n.out" "$d/s.out"; then
        echo "ok $s O$L $m"
        continue
      fi
      # The native build at the same level: does it agree with -O1?
      nl=agree
      if [ "$L" != 1 ]; then
        if clang-22 -O"$L" -w -I"$CSMITH_INC" "$d/p.c" -o "$d/nativeL" \
          2>/dev/null; then
          timeout 30 "$d/nativeL" >"$d/nL.out" 2>/dev/null
          if [ $? -ne $nrc ] || ! cmp -s "$d/n.out" "$d/nL.out"; then
            nl=differs
          fi
        fi
      fi
      if [ $nl = differs ]; then
        echo "skip $s O$L $m native -O$L differs from -O1"
      elif [ $src -eq 124 ]; then
        keep timeout
        echo "FAIL $s O$L $m sandboxed run timed out"
      elif [ $src -eq 134 ] && grep -q '^sfi-run: trap' "$d/sb.err"; then
        keep trap
        echo "FAIL $s O$L $m trap: $(grep -m1 '^sfi-run: trap' "$d/sb.err" | cut -c1-160)"
      else
        keep mismatch
        echo "MISMATCH $s O$L $m: native status $nrc '$(tail -1 "$d/n.out")' sandboxed status $src '$(tail -1 "$d/s.out")'"
      fi
    done
  done
  rm -rf "$d"
}

# POSIX sh has no export -f: re-enter this script per seed instead.
if [ "${CSMITH_LEVELS_ONE:-}" ]; then
  one "$CSMITH_LEVELS_ONE"
  exit 0
fi
log="$OUT/results.txt"
: >"$log"
echo $SEEDS | tr ' ' '\n' | grep . |
  xargs -P "$JOBS" -I{} env CSMITH_LEVELS_ONE={} sh "$0" >>"$log"
grep -v '^ok\|^skip' "$log" | head -50
awk '
  $1 == "skip" && $3 == "-" { noref++; next }
  { n[$3]++; k[$1]++; kl[$1 " " $3]++; if (!($2 in seen)) { seen[$2] = 1; progs++ } }
  END {
    printf "%s: %d programs compiled and run (%d seeds without a reference run)\n", gen, progs, noref
    split("O0 O1 O2 O3 Os Oz", order, " ")
    for (i = 1; i <= 6; i++) if ((l = order[i]) in n)
      printf "  -%s: %d builds, %d ok, %d crash, %d fail, %d mismatch, %d skip\n", l, n[l],
        kl["ok " l], kl["CRASH " l], kl["FAIL " l], kl["MISMATCH " l], kl["skip " l]
    printf "total: %d builds, %d ok, %d crash, %d fail, %d mismatch, %d skip\n",
      k["ok"] + k["CRASH"] + k["FAIL"] + k["MISMATCH"] + k["skip"],
      k["ok"], k["CRASH"], k["FAIL"], k["MISMATCH"], k["skip"]
  }' gen="$GEN" "$log"
! grep -q '^CRASH\|^FAIL\|^MISMATCH' "$log"
