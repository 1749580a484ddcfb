#!/bin/sh
# collect_seeds.sh: copies real modules (built by sfi-cc) into the seed
# directory of the loader fuzzer. usage: collect_seeds.sh SEED_DIR MODULE...
# Arguments that are directories contribute their *.so files.
set -u
dst=$1
shift
mkdir -p "$dst"
for a in "$@"; do
  if [ -d "$a" ]; then
    for f in "$a"/*.so; do [ -f "$f" ] && cp "$f" "$dst"/; done
  elif [ -f "$a" ]; then
    cp "$a" "$dst"/
  fi
done
exit 0
