#!/bin/sh
# long-functions.sh: lists the C and C++ functions longer than MAX lines
# (default 150, from the signature's first line to the closing brace) in
# the given files or directories (default: pass runtime tools libc), with
# Universal Ctags' start and end lines. Lambdas count in the function that
# holds them, not alone.
#   scripts/long-functions.sh [--max N] [--check] [--exclude PATH]... [PATH...]
# --check: exit 1 when any is found (for CI). --exclude: a file or
# directory (prefix) to leave out; may be repeated. Run from the
# repository root. Exit 77 without Universal Ctags.
set -eu
max=150 check=0 excl=""
while [ $# -gt 0 ]; do
  case $1 in
  --max) max=$2; shift 2 ;;
  --check) check=1; shift ;;
  --exclude) excl="$excl $2"; shift 2 ;;
  --) shift; break ;;
  -*) echo "usage: $0 [--max N] [--check] [--exclude PATH]... [PATH...]" >&2
      exit 2 ;;
  *) break ;;
  esac
done
[ $# -gt 0 ] || set -- pass runtime tools libc
# exit 77 (ctest: skipped) without Universal Ctags' start and end lines
ctags --version 2>/dev/null | grep -q Universal ||
  { echo "$0: needs Universal Ctags (apt-get install universal-ctags)" >&2
    exit 77; }
files=$(find "$@" -type f \( -name '*.c' -o -name '*.h' -o -name '*.cpp' \) |
        sort)
for e in $excl; do
  e=${e%/}
  files=$(printf '%s\n' $files | grep -v -e "^$e\$" -e "^$e/" || true)
done
[ -n "$files" ] || exit 0
# One line a function: LINES FILE:START-END NAME. Lambdas (__anon names)
# and functions nested in functions are skipped.
out=$(ctags --output-format=u-ctags --fields=+ne --kinds-C=f --kinds-C++=f \
        --sort=no -o - $files |
      awk -F'\t' -v max="$max" '
        $1 ~ /^__anon/ { next }
        { line = ""; end = ""; nested = 0
          for (i = 4; i <= NF; i++) {
            if ($i ~ /^line:/) line = substr($i, 6)
            else if ($i ~ /^end:/) end = substr($i, 5)
            else if ($i ~ /^function:/) nested = 1
          }
          if (nested || line == "" || end == "") next
          n = end - line + 1
          if (n > max) printf "%d %s:%d-%d %s\n", n, $2, line, end, $1 }' |
      sort -rn)
if [ -n "$out" ]; then
  printf '%s\n' "$out"
  echo "$(printf '%s\n' "$out" | wc -l) function(s) over $max lines" >&2
  [ $check -eq 0 ] || exit 1
else
  echo "no function over $max lines" >&2
fi
