#!/bin/sh
# diff_one.sh: builds one C program natively (clang-22 + glibc) and as a
# sandboxed module (sfi-cc), runs both and compares stdout and exit status.
# A difference, a build failure or a crash is a failure (exit 1).
#   diff_one.sh [-O LEVEL] [--dir DIR] [--stdin FILE] [--] prog.c [args...]
# Env: SFI_BIN (directory holding sfi-cc and sfi-run), CFLAGS_EXTRA, WORK,
# NATIVE_CFLAGS (native build only, e.g. --rtlib=compiler-rt).
set -u
OPT=2
DIR=
STDIN=/dev/null
while [ $# -gt 0 ]; do
  case "$1" in
  -O) OPT=$2; shift 2 ;;
  --dir) DIR=$2; shift 2 ;;
  --stdin) STDIN=$2; shift 2 ;;
  --) shift; break ;;
  *) break ;;
  esac
done
SRC=$1
shift
: "${SFI_BIN:?set SFI_BIN to the build's bin directory}"
CLANG=${CLANG:-clang-22}
name=$(basename "$SRC" .c)
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
native="$WORK/$name.native"
module="$WORK/$name.so"
fail() { echo "FAIL $name: $*"; exit 1; }

$CLANG -O"$OPT" -w ${CFLAGS_EXTRA:-} ${NATIVE_CFLAGS:-} "$SRC" -o "$native" -lm ||
  fail "native build"
"$SFI_BIN/sfi-cc" -O"$OPT" -w ${CFLAGS_EXTRA:-} "$SRC" -o "$module" -lm ||
  fail "sfi-cc build"

# The same working directory and granted directory for both runs.
grant=
[ -n "$DIR" ] && grant="--dir $DIR"
(cd "${DIR:-.}" && timeout 60 "$native" "$@" <"$STDIN" >"$WORK/$name.n.out")
nrc=$?
(cd "${DIR:-.}" && timeout 60 "$SFI_BIN/sfi-run" $grant "$module" "$@" \
  <"$STDIN" >"$WORK/$name.s.out")
src=$?
if [ $nrc -ne $src ]; then
  fail "exit status native $nrc, sandboxed $src"
fi
if ! cmp -s "$WORK/$name.n.out" "$WORK/$name.s.out"; then
  diff "$WORK/$name.n.out" "$WORK/$name.s.out" | head -20
  fail "output differs"
fi
echo "ok $name ($(wc -l <"$WORK/$name.n.out") lines, status $nrc)"
