#!/bin/sh
# benchmarks/verify/run.sh: verifier throughput on two synthetic modules in
# the version-2 shape (tests/verify/gen_module.py: 100000 functions, ~17 MB
# of code, one with repetitive and one with varied operands) or on the
# modules given. Reports wall and CPU time (the machine may be shared).
# Usage: benchmarks/verify/run.sh BUILD_DIR [module.so...]
set -e
B=${1:?usage: run.sh BUILD_DIR [module.so...]}
shift
HERE=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then
  D=$(mktemp -d)
  trap 'rm -rf "$D"' EXIT
  python3 "$HERE/../../tests/verify/gen_module.py" --out "$D/same.so" \
    --funcs 100000
  python3 "$HERE/../../tests/verify/gen_module.py" --out "$D/varied.so" \
    --funcs 100000 --vary
  set -- "$D/same.so" "$D/varied.so"
fi
for m in "$@"; do
  echo "$m:"
  "$B/bin/sfi-verify" --time 5 "$m"
done
