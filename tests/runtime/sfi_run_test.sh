#!/bin/sh
# sfi_run_test.sh: sfi-run end to end: exit status, args, env, stdin, granted
# and denied paths, memory and time limits, trap report, bad flags, bad
# modules. Usage: sfi_run_test.sh SFI_RUN PROG_SO LIB_SO
RUN=$1 PROG=$2 LIB=$3
fails=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# expect STATUS CMD... : runs CMD, stdout in $t/out, stderr in $t/err
expect() {
  want=$1; shift
  "$@" >"$t/out" 2>"$t/err" </dev/null
  got=$?
  [ "$got" = "$want" ] || fail "$* -> status $got, want $want ($(cat "$t/err"))"
}
has() { grep -q -- "$2" "$t/$1" || fail "$1 lacks '$2': $(cat "$t/$1")"; }

expect 0 "$RUN" "$PROG" exit 0
expect 7 "$RUN" "$PROG" exit 7
expect 255 "$RUN" "$PROG" exit 255
expect 0 "$RUN" "$PROG" args a "b c"
[ "$(cat "$t/out")" = "$(printf '%s\nargs\na\nb c' "$PROG")" ] || fail "args: $(cat "$t/out")"
expect 0 "$RUN" --env A=1 --env=B=2 -- "$PROG" env
[ "$(cat "$t/out")" = "$(printf 'A=1\nB=2')" ] || fail "env: $(cat "$t/out")"
printf 'piped input\n' | "$RUN" "$PROG" cat >"$t/out" 2>&1
[ "$(cat "$t/out")" = "piped input" ] || fail "stdin: $(cat "$t/out")"
# Directories.
mkdir "$t/g" && echo inside >"$t/g/f" && echo secret >"$t/s" && ln -s /etc "$t/g/etc"
expect 0 "$RUN" --dir "$t/g" "$PROG" cat-file "$t/g/f"
has out inside
expect 0 "$RUN" --dir "$t/g:/data" "$PROG" cat-file /data/f
has out inside
expect 0 "$RUN" --dir "$t/g:/data" "$PROG" cat-file f
has out inside
expect 1 "$RUN" --dir "$t/g" "$PROG" cat-file "$t/g/../s"
has out "open failed"
expect 1 "$RUN" --dir "$t/g" "$PROG" cat-file "$t/s"
expect 1 "$RUN" --dir "$t/g" "$PROG" cat-file "$t/g/etc/passwd"
expect 1 "$RUN" "$PROG" cat-file /etc/passwd
has out "open failed: 2"  # ENOENT: under no grant, the file does not exist
expect 1 "$RUN" --dir "$t/g" "$PROG" cat-file "$t/g/../s"
has out "open failed: 2"  # ".." by name first: $t/s is under no grant
expect 1 "$RUN" --dir "$t/g" "$PROG" cat-file "$t/g/etc/passwd"
has out "open failed: 13"  # EACCES: an escape from a grant (a symlink out)
# Limits.
# The limit counts data, bss and the shadow stack too (an eighth of a
# limit under 64 MiB, else 8 MiB): the heap gets whole MiB of the rest.
expect 0 "$RUN" --mem-limit 8M "$PROG" mem
[ "$(cat "$t/out")" = 6 ] || fail "mem-limit 8M: $(cat "$t/out") MiB"
expect 0 "$RUN" --mem-limit=1G "$PROG" mem
[ "$(cat "$t/out")" = 1015 ] || fail "mem-limit 1G: $(cat "$t/out") MiB"
expect 124 "$RUN" --time-limit 0.2 "$PROG" spin
has err "sfi-run: trap: time limit exceeded"
# Traps.
expect 134 "$RUN" "$PROG" oob
has err "^sfi-run: trap: out-of-bounds memory access (SIGSEGV) at .* in deep_fault"
has err "#1 .*level2"
has err "#2 .*level1"
expect 134 "$RUN" "$PROG" abort
has err "abort"
# Bad flags and modules.
expect 2 "$RUN"
expect 2 "$RUN" --bogus "$PROG"
expect 2 "$RUN" --mem-limit 12Q "$PROG"
expect 2 "$RUN" --mem-limit "$PROG"
expect 2 "$RUN" --time-limit -1 "$PROG"
expect 2 "$RUN" --dir "$t/nonexistent" "$PROG" exit 0
expect 2 "$RUN" "$t/missing.so"
has err "missing.so"
expect 2 "$RUN" /etc/passwd
has err "not an ELF"
head -c 100 "$PROG" >"$t/trunc.so"
expect 2 "$RUN" "$t/trunc.so"
# A library module without __sfi_start (its imports are not granted).
expect 2 "$RUN" "$LIB"
expect 0 "$RUN" --help
[ $fails = 0 ] && echo "sfi_run_test: all passed" || echo "sfi_run_test: $fails failed"
[ $fails = 0 ]
