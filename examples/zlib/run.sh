#!/bin/bash
# examples/zlib/run.sh: zlib from Debian 12's own source package, built as
# a sandboxed shared module and natively, with hosts that compress and
# decompress a file through it (see README.md next to this script).
#
#   run.sh build    fetch zlib (apt-get source, shared cache), build the
#                   module, the bindings, the hosts and the test input
#   run.sh check    build, then the test: byte identity of the sandboxed,
#                   raw-API and native hosts, and the hostile-zlib attacks
#   run.sh bench [RUNS]   build, then time deflate and inflate of the
#                   input (taskset -c 1, RUNS runs each, CPU seconds)
#   run.sh icount   build, then callgrind instruction counts of deflate
#                   and inflate of the test input in the three hosts
#   run.sh loc      non-blank non-comment lines of the three hosts
#
# Paths come from the environment (the ctest sets them):
#   SFI_BIN      libsfi's bin directory (sfi-cc, sfi-bindgen)
#   SFI_RT       libsfirt.a
#   SFI_INCLUDE  the directory of sfi.h
#   ZDL          the source download cache (default: OUT/dl; the ctest
#                shares tests/realworld's)
#   OUT          the work directory (default: build/examples/zlib)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
: "${SFI_BIN:=$REPO/build/bin}" "${SFI_RT:=$REPO/build/lib/libsfirt.a}"
: "${SFI_INCLUDE:=$REPO/runtime/include}" "${OUT:=$REPO/build/examples/zlib}"
: "${ZDL:=$OUT/dl}"
CC=${CC_NATIVE:-clang-22}
MODE=${1:-check}

die() { echo "run.sh: $*" >&2; exit 1; }
for t in "$SFI_BIN/sfi-cc" "$SFI_BIN/sfi-bindgen" "$SFI_RT"; do
  [ -e "$t" ] || die "missing $t (build libsfi first)"
done
for t in $CC llvm-objcopy-22 dpkg-source flock cmp python3; do
  command -v "$t" >/dev/null || die "missing tool: $t"
done
FETCH_WHO=examples/zlib/run.sh
. "$REPO/tests/realworld/fetch.sh"

# zlib's library sources (its Makefile's OBJZ and OBJG).
ZOBJS="adler32 crc32 deflate infback inffast inflate inftrees trees zutil
       compress uncompr gzclose gzlib gzread gzwrite"
# zlib marks its API with ZEXTERN (zconf.h: "#ifndef ZEXTERN"): defining
# it as a visibility attribute exports exactly the functions zlib.h
# declares, under sfi-cc's default -fsfi-exports=marked.
EXPORT='-DZEXTERN=extern __attribute__((visibility("default")))'
HOSTLIBS="$SFI_RT -lZydis -lm -lpthread -ldl"
# What zlib's ./configure would decide on Linux (it rewrites zconf.h to
# include <unistd.h>); zlib's K&R definitions warn with clang 22.
ZCFLAGS="-O2 -g -DZ_HAVE_UNISTD_H -Wno-deprecated-non-prototype"

build() {
  fetch_source zlib "$ZDL" || die "cannot fetch zlib's source"
  mkdir -p "$OUT" && OUT=$(cd "$OUT" && pwd)
  local S="$OUT/src" O="$OUT/obj"
  unpack_source "$DSC" "$S" || die "dpkg-source -x $DSC failed"
  rm -rf "$O" && mkdir -p "$O/sfi" "$O/native" "$O/hostile" "$OUT/gen"
  # The test input: the unpacked source tree, concatenated (~3 MB of text,
  # C, man pages, a PDF), written before anything is built.
  (cd "$S" && find . -type f | LC_ALL=C sort | xargs cat) >"$OUT/input.bin"

  # The sandboxed module and the native objects, from the same sources.
  # shellcheck disable=SC2086
  printf '%s\n' $ZOBJS | xargs -P "${JOBS:-2}" -I{} sh -c '
    "$1/sfi-cc" $5 "$2" -c "$3/{}.c" -o "$4/sfi/{}.o" &&
    '"$CC"' $5 -c "$3/{}.c" -o "$4/native/{}.o"' \
    sh "$SFI_BIN" "$EXPORT" "$S" "$O" "$ZCFLAGS" || die "compiling zlib failed"
  "$SFI_BIN/sfi-cc" -shared "$O"/sfi/*.o -o "$OUT/libz-sfi.so" ||
    die "linking the module failed"

  # The hostile variant: the same objects with deflate, inflate, crc32 and
  # zlibVersion renamed to zreal_*, and hostile.c defining the public names
  # (each calls the real one, then lies as the host asks).
  for f in "$O"/sfi/*.o; do
    llvm-objcopy-22 --redefine-sym=deflate=zreal_deflate \
      --redefine-sym=inflate=zreal_inflate --redefine-sym=crc32=zreal_crc32 \
      --redefine-sym=zlibVersion=zreal_zlibVersion "$f" "$O/hostile/${f##*/}" ||
      die "llvm-objcopy failed"
  done
  "$SFI_BIN/sfi-cc" $ZCFLAGS "$EXPORT" -I"$S" -c "$HERE/hostile.c" \
    -o "$O/hostile/zz_hostile.o" &&
    "$SFI_BIN/sfi-cc" -shared "$O"/hostile/*.o -o "$OUT/libz-hostile.so" ||
    die "building the hostile module failed"

  # The bindings, from zlib's own header, and the hosts.
  "$SFI_BIN/sfi-bindgen" "$S/zlib.h" -o "$OUT/gen/zlib_sfi.h" \
    -- -DZ_HAVE_UNISTD_H 2>"$OUT/gen/bindgen.log" ||
    { cat "$OUT/gen/bindgen.log" >&2; die "sfi-bindgen failed"; }
  local HF="-O2 -g -DZ_HAVE_UNISTD_H -Wall -Wextra -Werror -I$OUT/gen -I$S -I$SFI_INCLUDE"
  # shellcheck disable=SC2086
  $CC $HF "$HERE/host.c" $HOSTLIBS -o "$OUT/zlib-host" &&
    $CC $HF "$HERE/raw.c" $HOSTLIBS -o "$OUT/zlib-raw" &&
    $CC $HF "$HERE/attack.c" $HOSTLIBS -o "$OUT/zlib-attack" &&
    $CC $HF "$HERE/native.c" "$O"/native/*.o -o "$OUT/zlib-native" ||
    die "compiling the hosts failed"
}

check() {
  local T="$OUT/t" f
  rm -rf "$T" && mkdir -p "$T"
  local IN="$OUT/input.bin"
  "$OUT/zlib-native" c "$IN" "$T/native.z" || die "native compress failed"
  "$OUT/zlib-host" "$OUT/libz-sfi.so" c "$IN" "$T/sfi.z" || die "sandboxed compress failed"
  "$OUT/zlib-raw" "$OUT/libz-sfi.so" c "$IN" "$T/raw.z" || die "raw-API compress failed"
  cmp "$T/native.z" "$T/sfi.z" || die "sandboxed deflate output differs from native"
  cmp "$T/native.z" "$T/raw.z" || die "raw-API deflate output differs from native"
  "$OUT/zlib-native" d "$T/native.z" "$T/native.out" || die "native decompress failed"
  "$OUT/zlib-host" "$OUT/libz-sfi.so" d "$T/native.z" "$T/sfi.out" || die "sandboxed decompress failed"
  "$OUT/zlib-raw" "$OUT/libz-sfi.so" d "$T/native.z" "$T/raw.out" || die "raw-API decompress failed"
  for f in native sfi raw; do
    cmp "$IN" "$T/$f.out" || die "$f inflate did not give the input back"
  done
  echo "byte-identical: deflate ($(stat -c %s "$IN") -> $(stat -c %s "$T/sfi.z") bytes) and inflate, sandboxed = raw API = native"
  # Bad input the honest library rejects: a corrupted and a truncated
  # stream are zlib errors (exit 1 with zlib's message), never a crash.
  cp "$T/native.z" "$T/bad.z" && printf '\377\377\377\377' |
    dd of="$T/bad.z" bs=1 seek=5000 conv=notrunc 2>/dev/null
  head -c 100000 "$T/native.z" >"$T/short.z"
  for f in bad short; do
    "$OUT/zlib-host" "$OUT/libz-sfi.so" d "$T/$f.z" "$T/$f.out" 2>"$T/$f.err"
    [ $? = 1 ] || die "$f.z: want exit status 1"
    grep -Eq 'zlib error -3: invalid|truncated input' "$T/$f.err" ||
      { cat "$T/$f.err"; die "$f.z: no zlib error message"; }
  done
  echo "corrupt and truncated streams: rejected with zlib's message"
  # The hostile zlib.
  "$OUT/zlib-attack" "$OUT/libz-hostile.so" "$IN" || die "attack test failed"
}

bench() {
  local runs=${1:-7} T="$OUT/b" IN="$OUT/input.bin" i
  rm -rf "$T" && mkdir -p "$T"
  # A larger input: the source tree three times, each copy differently
  # shuffled by line so that no copy repeats another within zlib's window.
  for i in 1 2 3; do
    (cd "$OUT/src" && find . -type f -name '*.[ch]' -o -type f -name '*.txt' \
      -o -type f -name ChangeLog | LC_ALL=C sort | xargs cat) |
      awk -v s="$i" 'BEGIN{srand(s)} {print rand() "\t" $0}' | sort -k1,1 |
      cut -f2-
    cat "$IN"
  done >"$T/big.in"
  echo "input: $(stat -c %s "$T/big.in") bytes"
  "$OUT/zlib-native" c "$T/big.in" "$T/big.z" || die "native compress failed"
  # Interleaved (native, bindings, raw, native, ...) so that drift in the
  # machine's load hits the three alike.
  local prog kind
  for kind in c d; do
    local src="$T/big.in"; [ $kind = d ] && src="$T/big.z"
    rm -f "$T"/times.*
    for i in $(seq "$runs"); do
      for prog in native host raw; do
        local cmd=("$OUT/zlib-$prog")
        [ $prog != native ] && cmd+=("$OUT/libz-sfi.so")
        taskset -c 1 "${cmd[@]}" $kind "$src" "$T/o.$prog" -t 2>&1 >/dev/null |
          sed -n 's/^cpu \([0-9.]*\) s$/\1/p' >>"$T/times.$prog"
      done
      cmp -s "$T/o.native" "$T/o.host" && cmp -s "$T/o.native" "$T/o.raw" ||
        die "outputs differ"
    done
    for prog in native host raw; do
      sort -n "$T/times.$prog" | awk -v k="$kind" -v p="$prog" \
        '{v[NR]=$1} END{printf "%s %-6s median %.4f s  min %.4f  max %.4f  (%d runs)\n",
          (k=="c"?"deflate":"inflate"), p, v[int((NR+1)/2)], v[1], v[NR], NR}'
    done
  done
}

# Instructions (callgrind) of deflate and inflate of input.bin in each host:
# the run on the input minus the run on an empty file (loading, instance
# creation and binding left out). Deterministic, unlike times on a shared
# machine.
icount() {
  local T="$OUT/ic" prog kind
  rm -rf "$T" && mkdir -p "$T"
  : >"$T/empty"
  "$OUT/zlib-native" c "$OUT/input.bin" "$T/in.z" && "$OUT/zlib-native" c "$T/empty" "$T/empty.z" ||
    die "native compress failed"
  ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
           sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
  for kind in c d; do
    local src="$OUT/input.bin" empty="$T/empty"
    [ $kind = d ] && src="$T/in.z" empty="$T/empty.z"
    for prog in native host raw; do
      local cmd=("$OUT/zlib-$prog")
      [ $prog != native ] && cmd+=("$OUT/libz-sfi.so")
      # valgrind 3.19 gives up on clang 22's debug info in the native
      # binary (zlib's objects): count a copy without it.
      [ $prog = native ] && { llvm-objcopy-22 --strip-debug "$OUT/zlib-native" "$T/native" &&
        cmd=("$T/native"); }
      local a b
      a=$(ir "${cmd[@]}" $kind "$src" "$T/o") b=$(ir "${cmd[@]}" $kind "$empty" "$T/o")
      echo "$([ $kind = c ] && echo deflate || echo inflate) $prog $((a - b))"
    done
  done
}

# Non-blank, non-comment lines of the three hosts.
loc() {
  local f
  for f in host native raw; do
    python3 - "$HERE/$f.c" <<'PY'
import re, sys
src = open(sys.argv[1]).read()
src = re.sub(r'/\*.*?\*/', '', src, flags=re.S)
src = re.sub(r'//[^\n]*', '', src)
print(sys.argv[1].rsplit('/', 1)[1], sum(1 for l in src.splitlines() if l.strip()))
PY
  done
}

case "$MODE" in
  loc) loc ;;
  icount) build && icount ;;
  build) build ;;
  check) build && check ;;
  bench) build && bench "${2:-7}" ;;
  *) die "unknown mode '$MODE' (build, check, bench)" ;;
esac
