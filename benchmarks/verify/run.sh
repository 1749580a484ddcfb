#!/bin/sh
# benchmarks/verify/run.sh: verifier throughput on a synthetic module in the
# version-2 shape (tests/verify/gen_module.py) or on the modules given.
# Usage: benchmarks/verify/run.sh BUILD_DIR [module.so...]
set -e
B=${1:?usage: run.sh BUILD_DIR [module.so...]}
shift
HERE=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then
  M=$(mktemp -d)/big.so
  python3 "$HERE/../../tests/verify/gen_module.py" --out "$M" --funcs 100000
  set -- "$M"
fi
for m in "$@"; do
  echo "$m:"
  "$B/bin/sfi-verify" --time 5 "$m"
done
