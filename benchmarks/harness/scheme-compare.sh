#!/bin/sh
# scheme-compare.sh: CPU time of native vs the %gs scheme vs the anchor
# scheme on some benchmark programs, runs interleaved; prints medians and
# ratios. Usage: benchmarks/harness/scheme-compare.sh [BINDIR] [RUNS] [PROG...]
set -eu
cd "$(dirname "$0")/../.."
BIN=${1:-build/bin}; RUNS=${2:-3}
shift 2 2>/dev/null || shift $#
PROGS=${*:-"sha256 mcf sorthash stencil vdispatch cg"}
OUT=benchmarks/out/scheme; mkdir -p "$OUT"
for p in $PROGS; do
  clang-22 -O2 benchmarks/programs/$p.c -o $OUT/$p.native -lm
  "$BIN/sfi-cc" -O2 benchmarks/programs/$p.c -o $OUT/$p.gs.so -lm
  "$BIN/sfi-cc" -O2 -fsfi-scheme=anchor benchmarks/programs/$p.c -o $OUT/$p.anchor.so -lm
done
for r in $(seq "$RUNS"); do for p in $PROGS; do for b in native gs anchor; do
  if [ $b = native ]; then set -- "$OUT/$p.native"; else set -- "$BIN/sfi-run" "$OUT/$p.$b.so"; fi
  t=$( { /usr/bin/time -f "%U %S" "$@" full > /dev/null; } 2>&1 | tail -1 | awk '{print $1 + $2}')
  echo "$p $b $r $t"
done; done; done > "$OUT/times.txt"
awk '{v[$1" "$2] = v[$1" "$2] " " $4}
  function med(s,   a, n, i, j, t) { n = split(s, a, " ");
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return a[int((n + 1) / 2)] }
  END { for (k in v) m[k] = med(v[k]);
    printf "%-10s %8s %8s %8s\n", "program", "native", "gs", "anchor";
    for (k in m) { split(k, pb, " "); if (pb[2] == "native") {
      p = pb[1]; g = m[p " gs"] / m[k]; a = m[p " anchor"] / m[k];
      lg += log(g); la += log(a); n++;
      printf "%-10s %8.3f %8.3f %8.3f\n", p, m[k], g, a } }
    printf "%-10s %8s %8.3f %8.3f\n", "geomean", "", exp(lg / n), exp(la / n) }' "$OUT/times.txt"
