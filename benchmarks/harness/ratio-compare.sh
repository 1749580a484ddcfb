#!/bin/sh
# ratio-compare.sh: CPU time and instruction ratios to native of a few
# benchmark programs, for one or more sfi toolchains (issue 14: before and
# after a change to the pass). Each toolchain is LABEL=DIR, DIR holding
# bin/sfi-cc (and the lib/ next to it, as in a build tree). Builds every
# program with clang-22 -O2 (native) and DIR/bin/sfi-cc -O2; counts
# instructions with callgrind (size small: main natively, sfi__enter in the
# sandbox); then times RUNS interleaved rounds (size full, each run pinned
# with taskset -c CPU, user+sys CPU time) and prints medians and ratios.
#
#   benchmarks/harness/ratio-compare.sh [--runs N] [--cpu C] [--only p,q]
#       [--out DIR] LABEL=DIR...
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
runs=5 cpu=1 only="threaded,interp,vdispatch" out=/tmp/ratio-compare
while [ $# -gt 0 ]; do
  case "$1" in
  --runs) runs=$2; shift 2 ;;
  --cpu) cpu=$2; shift 2 ;;
  --only) only=$2; shift 2 ;;
  --out) out=$2; shift 2 ;;
  *=*) break ;;
  *) echo "ratio-compare.sh: unknown option $1" >&2; exit 1 ;;
  esac
done
[ $# -gt 0 ] || { echo "ratio-compare.sh: no LABEL=DIR" >&2; exit 1; }
mkdir -p "$out"
progs=$(echo "$only" | tr ',' ' ')
labels=""
for p in $progs; do
  clang-22 -O2 "$here/programs/$p.c" -o "$out/$p.native" -lm
done
for tc in "$@"; do
  l=${tc%%=*} d=${tc#*=}
  labels="$labels $l"
  echo "$d" >"$out/$l.dir"
  for p in $progs; do
    "$d/bin/sfi-cc" -O2 "$here/programs/$p.c" -o "$out/$p.$l" -lm
  done
done
count() { # count TOGGLE CMD... -> instructions collected
  t=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file=/dev/null --toggle-collect="$t" \
    "$@" 2>&1 >/dev/null | awk '/Collected/ { print $4 }'
}
echo "## Instructions (callgrind, size small)"
echo
printf "| program | native |"
for l in $labels; do printf " %s | %s/native |" "$l" "$l"; done
echo
printf "|---|---:|"
for l in $labels; do printf -- "---:|---:|"; done
echo
for p in $progs; do
  n=$(count main "$out/$p.native" small)
  printf "| %s | %s |" "$p" "$n"
  for l in $labels; do
    d=$(cat "$out/$l.dir")
    c=$(count sfi__enter "$d/bin/sfi-run" "$out/$p.$l" small)
    printf " %s | %s |" "$c" "$(awk -v a="$c" -v b="$n" 'BEGIN { printf("%.3f", a / b) }')"
  done
  echo
done
: >"$out/times.txt"
r=1
while [ "$r" -le "$runs" ]; do
  for p in $progs; do
    for b in native $labels; do
      /usr/bin/time -f "$p $b $r %U %S" -a -o "$out/times.txt" \
        taskset -c "$cpu" "$out/$p.$b" full >/dev/null
    done
  done
  r=$((r + 1))
done
echo
echo "## CPU time (user+sys, size full, median of $runs interleaved runs pinned to CPU $cpu)"
echo
awk -v labels="native$labels" '
  { t[$1 SUBSEP $2] = t[$1 SUBSEP $2] " " ($4 + $5); if (!($1 in seen)) { seen[$1] = 1; order[++np] = $1 } }
  function median(s,   a, n, i, j, x) {
    n = split(s, a, " ")
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    nl = split(labels, L, " ")
    printf("| program |"); for (i = 1; i <= nl; i++) printf(" %s s |%s", L[i], i > 1 ? " " L[i] "/native |" : ""); print ""
    printf("|---|"); for (i = 1; i <= nl; i++) printf("---:|%s", i > 1 ? "---:|" : ""); print ""
    for (k = 1; k <= np; k++) {
      p = order[k]; n = median(t[p SUBSEP "native"])
      printf("| %s |", p)
      for (i = 1; i <= nl; i++) {
        m = median(t[p SUBSEP L[i]])
        printf(" %.2f |", m)
        if (i > 1) printf(" %.3f |", m / n)
      }
      print ""
    }
  }' "$out/times.txt"
echo
echo "raw times: $out/times.txt; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
