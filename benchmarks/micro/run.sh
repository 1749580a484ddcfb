#!/bin/sh
# micro/run.sh: builds and runs the libsfi microbenchmarks (sfi-micro: call
# in/out, instance life cycle, scale) and measures the compile-time cost of
# the pass (sfi-cc against clang-22, both -O2, on the suite's programs).
#
#   benchmarks/micro/run.sh [--quick] [--sfi-bin DIR] [--out DIR] [--results DIR]
#                           [--baseline-lib LIBSFIRT.a]
#
# --baseline-lib also links sfi-micro against another libsfirt.a (an older
# runtime) and runs it first, on the same module and machine, so micro.md
# shows both.
# Writes RESULTS/micro.md (default benchmarks/results, or OUT/results with
# --quick so a smoke run never overwrites real figures).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bench=$(cd "$here/.." && pwd)
root=$(cd "$bench/.." && pwd)
cmdline="benchmarks/micro/run.sh $*"
quick=""
sfibin="${SFI_BIN:-$root/build/bin}"
out="$bench/out/micro"
results=""
baseline=""
CLANG="${CLANG:-clang-22}"
die() {
  echo "micro/run.sh: error: $*" >&2
  exit 1
}
while [ $# -gt 0 ]; do
  case "$1" in
  --quick) quick=--quick; shift ;;
  --sfi-bin) sfibin=$2; shift 2 ;;
  --out) out=$2; shift 2 ;;
  --results) results=$2; shift 2 ;;
  --baseline-lib) baseline=$2; shift 2 ;;
  *) die "unknown option $1" ;;
  esac
done
[ -n "$results" ] || { [ -n "$quick" ] && results="$out/results" || results="$bench/results"; }
lib="$sfibin/../lib"
[ -x "$sfibin/sfi-cc" ] || die "$sfibin/sfi-cc not found (build the tools or pass --sfi-bin)"
[ -f "$lib/libsfirt.a" ] || die "$lib/libsfirt.a not found"
mkdir -p "$out" "$results"

"$sfibin/sfi-cc" -O2 -shared -fsfi-import=host_empty "$here/mod.c" -o "$out/mod.so" || die "building mod.so"
"$CLANG" -O2 -Wall -Wextra -Werror -I"$root/runtime/include" "$here/micro.c" \
  "$lib/libsfirt.a" -lZydis -lm -lpthread -ldl -o "$out/sfi-micro" || die "building sfi-micro"
"$CLANG" -O2 -Wall -Wextra -Werror "$bench/harness/timeit.c" -o "$out/timeit" ||
  die "building timeit"

if [ -n "$baseline" ]; then
  "$CLANG" -O2 -Wall -Wextra -Werror -I"$root/runtime/include" "$here/micro.c" \
    "$baseline" -lZydis -lm -lpthread -ldl -o "$out/sfi-micro-baseline" ||
    die "building sfi-micro against $baseline"
  echo "micro/run.sh: running sfi-micro against $baseline $quick"
  "$out/sfi-micro-baseline" "$out/mod.so" $quick >"$out/micro-baseline.txt" || {
    cat "$out/micro-baseline.txt"
    die "sfi-micro (baseline) failed"
  }
  cat "$out/micro-baseline.txt"
else
  : >"$out/micro-baseline.txt"
fi
echo "micro/run.sh: running sfi-micro $quick"
"$out/sfi-micro" "$out/mod.so" $quick >"$out/micro.txt" || {
  cat "$out/micro.txt"
  die "sfi-micro failed"
}
cat "$out/micro.txt"

# Compile time: median of 3 compile-only runs (-c) per program and tool, so
# the figure is the pass's cost, not the link's.
reps=3
[ -n "$quick" ] && reps=1
ct="$out/compile-times.txt"
: >"$ct"
for src in "$bench"/programs/*.c; do
  p=$(basename "$src" .c)
  for tool in clang sfi-cc; do
    r=1
    while [ $r -le $reps ]; do
      if [ $tool = clang ]; then
        set -- "$CLANG" -O2 -c "$src" -o "$out/$p.native.o"
      else
        set -- "$sfibin/sfi-cc" -O2 -c "$src" -o "$out/$p.sfi.o"
      fi
      res=$("$out/timeit" /dev/null "$@")
      set -- $res
      [ "$5" = 0 ] || die "compiling $p with $tool failed"
      echo "$p $tool $1" >>"$ct"
      r=$((r + 1))
    done
  done
done

awk -v md="$results/micro.md" -v cmdline="$cmdline" -v when="$(date -u '+%Y-%m-%d %H:%M UTC')" \
  -v machine="$(uname -srm), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores" \
  -v micro="$out/micro.txt" -v base="$out/micro-baseline.txt" -v baselib="$baseline" '
function med(k,   n, i, j, t, a) {
  n = cnt[k]; for (i = 1; i <= n; i++) a[i] = v[k, i]
  for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
  return a[int((n + 1) / 2)]
}
{ k = $1 SUBSEP $2; cnt[k]++; v[k, cnt[k]] = $3; if (!($1 in seen)) { seen[$1] = 1; ord[++np] = $1 } }
END {
  print "# Microbenchmarks" > md
  print "" > md
  print "```" > md
  while ((getline line < micro) > 0) print line > md
  print "```" > md
  if (baselib != "") {
    print "" > md
    print "Baseline: the same program and module, linked against " baselib ", run just before:" > md
    print "" > md
    print "```" > md
    while ((getline line < base) > 0) print line > md
    print "```" > md
  }
  print "" > md
  print "## Compile time of the pass (compile only, -O2, median of runs)" > md
  print "" > md
  print "| program | clang-22 s | sfi-cc s | ratio |" > md
  print "|---|---:|---:|---:|" > md
  for (i = 1; i <= np; i++) {
    p = ord[i]; a = med(p SUBSEP "clang"); b = med(p SUBSEP "sfi-cc")
    printf("| %s | %.3f | %.3f | %.2f |\n", p, a, b, b / a) > md
    ta += a; tb += b; ls += log(b / a)
  }
  printf("| **total / geomean** | %.3f | %.3f | **%.2f** |\n", ta, tb, exp(ls / np)) > md
  print "" > md
  print "- command: `" cmdline "`" > md
  print "- date: " when "; machine: " machine > md
  printf("compile time: clang %.2f s, sfi-cc %.2f s, geomean ratio %.2f\n", ta, tb, exp(ls / np))
}' "$ct"
echo "micro/run.sh: wrote $results/micro.md"
