#!/bin/sh
# r3_diff.sh BUILD_DIR GEN.py FIRST LAST (review3): native clang-22 vs sfi-cc
# + sfi-run on generated programs at -O0..-Os; prints DIFF or sficc-fail
# lines. Review3 ran r3_switchgen.py 1..70 (no DIFF; 14 programs refused
# at some level, see ../swreject.c) and r3_cgotogen.py 1..30 (-O0/-O1/-O2/-Os: no
# DIFF, seed 3 refused at -O1/-O2).
b=$1 gen=$2 t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
for s in $(seq "$3" "$4"); do
  python3 "$gen" "$s" > "$t/p.c"
  for O in -O0 -O1 -O2 -O3 -Os; do
    clang-22 $O -w -fwrapv "$t/p.c" -o "$t/n" || continue
    a=$(timeout 5 "$t/n")
    if ! "$b/bin/sfi-cc" $O -w -fwrapv "$t/p.c" -o "$t/t.so" 2>"$t/e"; then
      echo "seed $s $O sficc-fail $(head -1 "$t/e")"; continue
    fi
    c=$(timeout 10 "$b/bin/sfi-run" "$t/t.so" 2>&1)
    [ "$a" = "$c" ] || echo "seed $s $O DIFF native $a sandboxed $c"
  done
done
