#!/bin/sh
# run.sh: libc microbenchmarks, three builds of each program:
#   glibc   native clang-22 -O2 with glibc (the reference)
#   sfic    the same source natively with the sandbox libc (no pass),
#           through sfi-libc-shim: the libc's own speed against glibc
#   sandbox sfi-cc -O2, run with sfi-run: what a sandboxed program sees
# Prints each program's per-test times and the ratio to glibc (median of
# RUNS runs, builds interleaved).
#   benchmarks/libc/run.sh BUILD_DIR [RUNS] [SCALE]
set -eu
BUILD=$(cd "${1:?usage: run.sh BUILD_DIR [RUNS] [SCALE]}" && pwd)
RUNS=${2:-3}
SCALE=${3:-1}
HERE=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
RES=$(clang-22 -print-resource-dir)
MUSL="-nostdinc -isystem $RES/include -isystem /usr/include/x86_64-linux-musl"
for p in malloc_bench string_bench; do
  clang-22 -O2 "$HERE/$p.c" -o "$W/$p.glibc"
  clang-22 $MUSL -fPIC -fno-plt -O2 -c "$HERE/$p.c" -o "$W/$p.n.o"
  ld.lld-22 -shared -Bsymbolic -z now "$W/$p.n.o" "$BUILD/lib/sfi_start-native.o" \
    "$BUILD/lib/libsfic-native.a" -o "$W/$p.sfic.so"
  "$BUILD/bin/sfi-cc" -O2 "$HERE/$p.c" -o "$W/$p.sandbox.so"
  for r in $(seq "$RUNS"); do
    "$W/$p.glibc" "$SCALE" >"$W/$p.glibc.$r"
    "$BUILD/bin/sfi-libc-shim" "$W/$p.sfic.so" "$SCALE" >"$W/$p.sfic.$r"
    "$BUILD/bin/sfi-run" "$W/$p.sandbox.so" "$SCALE" >"$W/$p.sandbox.$r"
  done
  for b in sfic sandbox; do
    if [ "$(grep checksum "$W/$p.glibc.1")" != "$(grep checksum "$W/$p.$b.1")" ]; then
      echo "$p: checksum of $b differs from glibc" >&2
      exit 1
    fi
  done
  echo "## $p (median of $RUNS runs; ns per operation; ratio to glibc)"
  echo
  echo "| test | glibc | sfic native | ratio | sandboxed | ratio |"
  echo "|---|---:|---:|---:|---:|---:|"
  python3 - "$W" "$p" "$RUNS" <<'PY'
import sys, statistics
w, p, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def load(b):
    rows = {}
    for r in range(1, runs + 1):
        for line in open(f"{w}/{p}.{b}.{r}"):
            if line.startswith("checksum"): continue
            parts = line.split()
            key = " ".join(parts[:-2])
            rows.setdefault(key, []).append(float(parts[-2]))
    return {k: statistics.median(v) for k, v in rows.items()}
g, s, x = load("glibc"), load("sfic"), load("sandbox")
rs, rx = [], []
for k in g:
    rs.append(s[k] / g[k]); rx.append(x[k] / g[k])
    print(f"| {k} | {g[k]:.2f} | {s[k]:.2f} | {s[k]/g[k]:.2f} | {x[k]:.2f} | {x[k]/g[k]:.2f} |")
geo = lambda v: statistics.geometric_mean(v)
print(f"| geomean | | | {geo(rs):.2f} | | {geo(rx):.2f} |")
print()
PY
done
