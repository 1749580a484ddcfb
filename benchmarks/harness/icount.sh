#!/bin/sh
# icount.sh: instruction counts (valgrind --tool=callgrind, since perf does
# not work in our VMs) of the builds run.sh made, as ratios to native. The
# cost of starting an empty program of each build is subtracted, so the
# figure is the program's own work. Run benchmarks/run.sh first.
# Caveat: valgrind counts every iteration of a `rep stos`/`rep movs` as one
# instruction, so a native glibc memset/memcpy of large blocks looks dearer
# than it is (othello, which clears a 16 MiB table, shows this).
#
#   benchmarks/harness/icount.sh [--size small|full] [--only prog,...]
#                                [--builds full,stores] [--sfi-bin DIR]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
size=small only="" builds="full,stores" sfibin="${SFI_BIN:-$root/build/bin}"
out="$here/out"
while [ $# -gt 0 ]; do
  case "$1" in
  --size) size=$2; shift 2 ;;
  --only) only=$2; shift 2 ;;
  --builds) builds=$2; shift 2 ;;
  --sfi-bin) sfibin=$2; shift 2 ;;
  *) echo "icount.sh: unknown option $1" >&2; exit 1 ;;
  esac
done
command -v valgrind >/dev/null || { echo "icount.sh: valgrind not found" >&2; exit 1; }
progs=$(cd "$here/programs" && ls *.c | sed 's/\.c$//')
[ -n "$only" ] && progs=$(echo "$only" | tr ',' ' ')
blist="native $(echo "$builds" | tr ',' ' ')"
tmp="$out/icount"
mkdir -p "$tmp"
printf 'int main(void) { return 0; }\n' >"$tmp/empty.c"
clang-22 -O2 "$tmp/empty.c" -o "$tmp/empty.native"
"$sfibin/sfi-cc" -O2 "$tmp/empty.c" -o "$tmp/empty.full"
"$sfibin/sfi-cc" -O2 -fsfi-mode=stores "$tmp/empty.c" -o "$tmp/empty.stores"

# count FILE BUILD ARGS...: instructions executed by one run.
count() {
  b=$1
  shift
  case $b in
  full | stores) set -- "$sfibin/sfi-run" "$@" ;;
  esac
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    awk '/Collected :/ { print $4 }'
}
for b in $blist; do
  eval "base_$b=$(count $b "$tmp/empty.$b")"
done
printf '%-10s %14s' program native
for b in $blist; do [ $b = native ] || printf ' %10s' "$b"; done
echo
for p in $progs; do
  printf '%-10s' "$p"
  for b in $blist; do
    [ -e "$out/bin/$p.$b" ] || { echo " missing $out/bin/$p.$b (run run.sh first)" >&2; exit 1; }
    c=$(count $b "$out/bin/$p.$b" "$size")
    eval "base=\$base_$b"
    n=$((c - base))
    if [ $b = native ]; then
      nat=$n
      printf ' %14d' "$n"
    else
      awk -v a="$n" -v b="$nat" 'BEGIN { printf(" %10.3f", a / b) }'
    fi
  done
  echo
done
