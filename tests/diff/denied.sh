#!/bin/sh
# denied.sh: builds progs/denied.c with sfi-cc and runs it in the sandbox
# with one granted directory that holds a symlink to /etc; every attempt to
# reach outside the grant must fail. Exit 1 if any succeeded.
set -u
: "${SFI_BIN:?set SFI_BIN to the build's bin directory}"
here=$(dirname "$0")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/grant"
ln -s /etc "$work/grant/escape"
"$SFI_BIN/sfi-cc" -O2 "$here/progs/denied.c" -o "$work/denied.so" || exit 1
"$SFI_BIN/sfi-run" --dir "$work/grant" "$work/denied.so" "$work/grant" \
  >"$work/out" 2>&1
rc=$?
cat "$work/out"
[ $rc -eq 0 ] || { echo "FAIL: sandbox exited with $rc"; exit 1; }
grep -q OPENED "$work/out" && { echo "FAIL: a path outside the grant opened"; exit 1; }
[ "$(grep -c '^denied' "$work/out")" -eq 11 ] || { echo "FAIL: missing lines"; exit 1; }
[ -e /tmp/sfi-denied-probe ] && { echo "FAIL: probe file created"; exit 1; }
echo "ok: all 11 attempts denied"
