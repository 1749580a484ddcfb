#!/bin/sh
# codesize.sh: .text bytes of each benchmark program compiled to an object
# natively (same headers, -fPIC -fno-plt -O2, no pass) and with sfi-cc in
# full and stores-only mode; Markdown table with ratios.
#   benchmarks/harness/codesize.sh
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
sfibin="${SFI_BIN:-$root/build/bin}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
res=$(clang-22 -print-resource-dir)
text() { llvm-size-22 -A "$1" | awk '$1 == ".text" { print $2 }'; }
echo "| program | native .text | full | stores-only | full/native |"
echo "|---|---:|---:|---:|---:|"
for f in "$here"/programs/*.c; do
  p=$(basename "$f" .c)
  clang-22 -nostdinc -isystem "$res/include" -isystem "$root/libc/include" \
    -isystem /usr/include/x86_64-linux-musl -fPIC -fno-plt -O2 -w -c "$f" -o "$tmp/n.o"
  "$sfibin/sfi-cc" -O2 -w -c "$f" -o "$tmp/f.o"
  "$sfibin/sfi-cc" -O2 -w -fsfi-mode=stores -c "$f" -o "$tmp/s.o"
  awk -v p="$p" -v n="$(text "$tmp/n.o")" -v f="$(text "$tmp/f.o")" -v s="$(text "$tmp/s.o")" \
    'BEGIN { printf("| %s | %d | %d | %d | %.3f |\n", p, n, f, s, f / n) }'
done
