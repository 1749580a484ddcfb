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
# A file outside the grant for the size/mode/owner/time calls (issue 14),
# reached through a symlink to it and one to its directory.
mkdir -p "$work/outside"
echo TOPSECRET >"$work/outside/secret"
chmod 600 "$work/outside/secret"
touch -d "2001-02-03 04:05:06" "$work/outside/secret"
before=$(stat -c '%a %s %Y %X %u %g' "$work/outside/secret")
ln -s "$work/outside/secret" "$work/grant/sec"
ln -s ../outside "$work/grant/out"
"$SFI_BIN/sfi-cc" -O2 "$here/progs/denied.c" -o "$work/denied.so" || exit 1
"$SFI_BIN/sfi-run" --dir "$work/grant" "$work/denied.so" "$work/grant" \
  "$work/outside/secret" \
  >"$work/out" 2>&1
rc=$?
cat "$work/out"
[ $rc -eq 0 ] || { echo "FAIL: sandbox exited with $rc"; exit 1; }
grep -q OPENED "$work/out" && { echo "FAIL: a path outside the grant opened"; exit 1; }
[ "$(grep -c '^denied' "$work/out")" -eq 59 ] || { echo "FAIL: missing lines"; exit 1; }
after=$(stat -c '%a %s %Y %X %u %g' "$work/outside/secret")
[ "$before" = "$after" ] || { echo "FAIL: the outside file changed: $before -> $after"; exit 1; }
[ "$(cat "$work/outside/secret")" = TOPSECRET ] || { echo "FAIL: outside file content changed"; exit 1; }
[ -e /tmp/sfi-denied-probe ] && { echo "FAIL: probe file created"; exit 1; }
echo "ok: all 59 attempts denied, the outside file unchanged"
