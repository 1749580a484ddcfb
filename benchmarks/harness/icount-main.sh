#!/bin/sh
# icount-main.sh: instructions executed by each benchmark program's own work
# (valgrind --tool=callgrind, collecting only inside the program: glibc's
# main for the native build, the module's __sfi_start for the same-libc
# build, and sfi__enter, the call into the sandbox, for the sfi builds), so
# loading, verifying and creating the instance are left out. Builds come
# from benchmarks/run.sh (run it first, any size). Prints a Markdown table
# of counts and ratios to native and to the same-libc build.
#
#   benchmarks/harness/icount-main.sh [--size small|full] [--only p,q,...]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
size=small only=""
sfibin="${SFI_BIN:-$root/build/bin}"
bin="$here/out/bin"
while [ $# -gt 0 ]; do
  case "$1" in
  --size) size=$2; shift 2 ;;
  --only) only=$2; shift 2 ;;
  *) echo "icount-main.sh: unknown option $1" >&2; exit 1 ;;
  esac
done
command -v valgrind >/dev/null || { echo "icount-main.sh: valgrind not found" >&2; exit 1; }
progs=$(cd "$here/programs" && ls *.c | sed 's/\.c$//')
[ -n "$only" ] && progs=$(echo "$only" | tr ',' ' ')

count() { # count TOGGLE CMD... -> instructions collected
  t=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file=/dev/null --toggle-collect="$t" \
    "$@" 2>&1 >/dev/null | awk '/Collected/ { print $4 }'
}

echo "| program | native | same libc | full | stores-only | full/native | full/same libc | stores/same libc |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for p in $progs; do
  for b in native samelibc full stores; do
    [ -e "$bin/$p.$b" ] || { echo "icount-main.sh: $bin/$p.$b missing: run benchmarks/run.sh first" >&2; exit 1; }
  done
  n=$(count main "$bin/$p.native" "$size")
  s=$(count __sfi_start "$sfibin/sfi-libc-shim" "$bin/$p.samelibc" "$size")
  f=$(count sfi__enter "$sfibin/sfi-run" "$bin/$p.full" "$size")
  st=$(count sfi__enter "$sfibin/sfi-run" "$bin/$p.stores" "$size")
  awk -v p="$p" -v n="$n" -v s="$s" -v f="$f" -v st="$st" 'BEGIN {
    printf("| %s | %d | %d | %d | %d | %.3f | %.3f | %.3f |\n", p, n, s, f, st, f / n, f / s, st / s) }'
done
