#!/bin/bash
# tests/realworld/run.sh: build Debian 12 source packages unmodified, natively
# (clang-22) and sandboxed (CC=sfi-cc), run each package's own test suite in
# both builds and report passed/total, the test-time ratio and what fails.
#
#   run.sh [--quick] [--only pkg,...] [--out DIR] [--bin DIR] [--md FILE]
#
# --quick      only the CI slice (zlib, bzip2)
# --only       a comma-separated list of package names (see PACKAGES below)
# --out DIR    work directory (default: <repo>/build/realworld)
# --bin DIR    libsfi's bin directory with sfi-cc and sfi-run
#              (default: <repo>/build/bin)
# --md FILE    also write the results table as markdown to FILE
# --strict     exit 1 unless every sandboxed suite passes as many tests as
#              the native one (the CI slice uses this)
#
# Sources come from `apt-get source` (a deb-src entry for bookworm:
# scripts/install-deps.sh adds it). If they cannot be fetched the script
# fails with a message: it never reports a package it could not test.
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
OUT="$REPO/build/realworld"
BIN="$REPO/build/bin"
MD=""
ONLY=""
STRICT=0
ALL_PKGS="zlib bzip2 lz4 giflib pcre2 xz-utils libyaml cjson brotli libzstd libpng1.6"
QUICK_PKGS="zlib bzip2"
PKGS="$ALL_PKGS"

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) PKGS="$QUICK_PKGS" ;;
    --only) ONLY="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    --bin) BIN="$2"; shift ;;
    --md) MD="$2"; shift ;;
    --strict) STRICT=1 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$ONLY" ] && PKGS=$(echo "$ONLY" | tr ',' ' ')

SFICC="$BIN/sfi-cc"
[ -x "$SFICC" ] && [ -x "$BIN/sfi-run" ] || {
  echo "run.sh: no sfi-cc/sfi-run in $BIN (build libsfi first)" >&2; exit 2; }
for t in clang-22 llvm-ar-22 llvm-ranlib-22 make cmake dpkg-source flock; do
  command -v "$t" >/dev/null || { echo "run.sh: missing tool: $t" >&2; exit 2; }
done
mkdir -p "$OUT/dl" || exit 2
OUT=$(cd "$OUT" && pwd)
JOBS=${JOBS:-2}

# ---------------------------------------------------------------------------
# Fetching: apt-get source --download-only into $OUT/dl (kept as a cache),
# then a fresh dpkg-source -x per build, so every build starts from the
# package exactly as Debian ships it (its patches applied, nothing of ours).
# (tests/realworld/fetch.sh, shared with examples/zlib/run.sh)
FETCH_WHO=run.sh
. "$HERE/fetch.sh"
fetch() { fetch_source "$1" "$OUT/dl"; } # pkg -> sets DSC
unpack() { unpack_source "$@"; } # dsc dir

now() { date +%s.%N; }

# ---------------------------------------------------------------------------
# Recipes. build_<pkg> and test_<pkg> run in the unpacked source tree with
# CC, AR, RANLIB exported; test_<pkg> output goes to the test log, whose
# counts count_<pkg> prints as "passed total". Build options only select
# what to build (static libraries: a sandbox module is one image); no
# package file is changed.

# make -k: failed targets of a suite whose tests are make targets.
failed_targets() { grep -E '^make(\[[0-9]+\])?: \*\*\* \[' "$1" | sed -E 's/.*\[[^]]*: ([^]]*)\].*/\1/' | sort -u; }

# automake test harness (possibly several test-suite runs).
count_automake() {
  awk '/^# TOTAL:/{t+=$3} /^# PASS:/{p+=$3} /^# XFAIL:/{p+=$3}
       END{print p+0, t+0}' "$1"
}
failing_automake() { grep -E '^(FAIL|ERROR|XPASS):' "$1" | sed 's/^/  /' ; }

# ctest summary
count_ctest() {
  local l
  l=$(grep -E 'tests passed, [0-9]+ tests failed out of [0-9]+' "$1" | tail -n1)
  if [ -z "$l" ]; then echo "0 ${2:-0}"; return; fi
  echo "$l" | sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\2 \1/' |
    awk '{print $1-$2, $1}'
}
failing_ctest() { sed -n '/The following tests FAILED/,$p' "$1" | grep -E '^\s+[0-9]+ - ' ; }

# zlib: make test = teststatic + test64, each prints "*** zlib ... test OK ***"
build_zlib() { ./configure --static && make -j"$JOBS"; }
test_zlib() { make -k test; }
count_zlib() { echo "$(grep -c 'test OK' "$1") 2"; }
failing_zlib() { grep -E 'FAILED|Error|trap' "$1" | head -n 5; }

# bzip2: make test compresses and decompresses three samples and compares
# (6 cmp); make stops at the first failing command.
build_bzip2() { make -j"$JOBS" CC="$CC" AR="$AR" RANLIB="$RANLIB" libbz2.a bzip2 bzip2recover; }
test_bzip2() { make CC="$CC" AR="$AR" RANLIB="$RANLIB" test; }
count_bzip2() {
  local n; n=$(grep -c '^cmp ' "$1")
  if [ "$TEST_RC" = 0 ]; then echo "6 6"; else echo "$(( n > 0 ? n - 1 : 0 )) 6"; fi
}
failing_bzip2() { grep -E 'differ|Error|trap' "$1" | head -n 5; }

# lz4: make check = tests/ test-lz4-essentials (8 test targets; -k goes on
# past a failing one).
LZ4_TARGETS="test-lz4-basic test-lz4-multiple test-lz4-multiple-legacy test-lz4-frame-concatenation test-lz4-testmode test-lz4-contentSize test-lz4-dict"
build_lz4() { make -j"$JOBS" CC="$CC" AR="$AR" RANLIB="$RANLIB" -C lib liblz4.a &&
  make -j"$JOBS" CC="$CC" -C programs lz4 && make -j"$JOBS" CC="$CC" -C tests datagen; }
test_lz4() { make -k CC="$CC" AR="$AR" RANLIB="$RANLIB" -C tests $LZ4_TARGETS; }
count_lz4() {
  local f; f=$(failed_targets "$1" | grep -c .)
  echo "$(( 7 - f )) 7"
}
failing_lz4() { grep -E -B3 '^make.*\*\*\*' "$1" | head -n 12; }

# giflib: make check = `make -C tests` (10 regression targets) after
# `make all`, which also builds the documentation (xmlto); the recipe
# builds the libraries and utilities of `all` and runs the check recipe.
GIF_UTILS="gif2rgb gifbuild gifbg gifclrmp gifcolor gifecho giffilter giffix gifhisto gifinto gifsponge giftext giftool gifwedge"
build_giflib() { make -j"$JOBS" CC="$CC" AR="$AR" RANLIB="$RANLIB" libgif.so libgif.a libutil.so libutil.a $GIF_UTILS; }
test_giflib() { make -k CC="$CC" -C tests; }
count_giflib() {
  local f; f=$(failed_targets "$1" | grep -c 'regress')
  if grep -q 'No output is good news' "$1"; then echo "10 10"
  elif grep -q "Entering directory.*/tests'" "$1"; then echo "$(( 10 - f )) 10"
  else echo "0 10"; fi
}
failing_giflib() { grep -E -B3 '^make.*\*\*\*' "$1" | head -n 12; }

# autotools packages: configure with static libraries only, make, make check.
build_pcre2() { ./configure --disable-shared && make -j"$JOBS"; }
test_pcre2() { make -k check; }
count_pcre2() { count_automake "$1"; }
failing_pcre2() { failing_automake "$1"; }

# --disable-clmul-crc: the CLMUL CRC's run-time CPU check is cpuid inline
# assembly (clang's cpuid.h), which sandboxed code cannot contain.
build_xz_utils() { ./configure --disable-shared --disable-nls --disable-clmul-crc && make -j"$JOBS"; }
test_xz_utils() { make -k check; }
count_xz_utils() { count_automake "$1"; }
failing_xz_utils() { failing_automake "$1"; }

# CMake packages: the package's own tests through ctest.
cmake_build() { cmake -S "$1" -B _build -DCMAKE_C_COMPILER="$CC" -DCMAKE_AR="$(command -v $AR)" \
    -DCMAKE_RANLIB="$(command -v $RANLIB)" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF "${@:2}" &&
  cmake --build _build -j"$JOBS"; }
test_cmake() { ctest --test-dir _build --output-on-failure; }

build_libyaml() { cmake_build . -DBUILD_TESTING=ON; }
test_libyaml() { test_cmake; }
count_libyaml() { count_ctest "$1"; }
failing_libyaml() { failing_ctest "$1"; }

build_cjson() { cmake_build . -DENABLE_CJSON_TEST=ON -DENABLE_CJSON_UTILS=ON -DENABLE_CUSTOM_COMPILER_FLAGS=OFF; }
test_cjson() { test_cmake; }
count_cjson() { count_ctest "$1"; }
failing_cjson() { failing_ctest "$1"; }

build_brotli() { cmake_build . -DBUILD_TESTING=ON; }
test_brotli() { test_cmake; }
count_brotli() { count_ctest "$1"; }
failing_brotli() { failing_ctest "$1"; }

# libzstd (its check is the long playTests.sh):
# make check = tests/ "shortest"; optional host libraries, the assembly
# decoder loop and threads off in both builds (a sandbox runs one thread:
# pthread_create fails, so zstd's I/O thread pool would).
ZSTD_VARS="HAVE_ZLIB=0 HAVE_LZMA=0 HAVE_LZ4=0 ZSTD_NO_ASM=1 HAVE_THREAD=0"
build_libzstd() { make -j"$JOBS" CC="$CC" AR="$AR" RANLIB="$RANLIB" $ZSTD_VARS -C programs zstd; }
test_libzstd() { make -k CC="$CC" AR="$AR" RANLIB="$RANLIB" $ZSTD_VARS check; }
count_libzstd() { if [ "$TEST_RC" = 0 ]; then echo "1 1"; else echo "0 1"; fi; }
failing_libzstd() { grep -E -B5 '^make.*\*\*\*' "$1" | head -n 14; }

# libpng1.6: make check (32 automake tests: pngtest on the sample and
# crasher images, pngvalid, pngstest, pngunknown, pngimage). It links zlib:
# Debian's zlib source, built first with the same compiler (static) in
# _zlib inside the tree.
build_libpng1.6() {
  fetch_source zlib "$OUT/dl" && unpack_source "$DSC" _zlib &&
    (cd _zlib && ./configure --static && make -j"$JOBS" libz.a) &&
    ./configure --disable-shared CPPFLAGS="-I$PWD/_zlib" LDFLAGS="-L$PWD/_zlib" &&
    make -j"$JOBS"; }
test_libpng1.6() { make -k check; }
count_libpng1.6() { count_automake "$1"; }
failing_libpng1.6() { failing_automake "$1"; }

# ---------------------------------------------------------------------------
fn() { echo "$1_${2//-/_}"; }

run_one() { # pkg mode -> sets R_{pass,total,time,status}
  local pkg=$1 mode=$2 dir="$OUT/$1/$2" log="$OUT/$1/$2"
  R_pass=0; R_total=0; R_time=0; R_status=ok
  mkdir -p "$dir"
  unpack "$DSC" "$dir/src" || { R_status="unpack failed"; R_time=1; return; }
  if [ "$mode" = sfi ]; then export CC="$SFICC"; else export CC=clang-22; fi
  export AR=llvm-ar-22 RANLIB=llvm-ranlib-22
  # the programs' sandbox: their tests write under the build tree and /tmp,
  # and read settings from the environment (pcre2grep's colours, locales)
  export SFI_RUN_FLAGS="--dir $dir/src --inherit-env --time-limit 600"
  if ! (cd "$dir/src" && "$(fn build "$pkg")") >"$log.build.log" 2>&1; then
    R_status="build failed"
  fi
  local t0 t1
  t0=$(now)
  (cd "$dir/src" && "$(fn test "$pkg")") >"$log.test.log" 2>&1 </dev/null
  TEST_RC=$?
  t1=$(now)
  R_time=$(echo "$t1 - $t0" | bc)
  read -r R_pass R_total < <("$(fn count "$pkg")" "$log.test.log")
  unset CC AR RANLIB SFI_RUN_FLAGS
}

command -v bc >/dev/null || { echo "run.sh: missing tool: bc" >&2; exit 2; }
ROWS=""
FAILED=0
STRICT_BAD=0
for pkg in $PKGS; do
  type "$(fn build "$pkg")" >/dev/null 2>&1 || { echo "run.sh: no recipe for '$pkg'" >&2; exit 2; }
  if ! fetch "$pkg"; then FAILED=1; continue; fi
  ver=$(sed -n 's/^Version: //p' "$DSC" | head -n1)
  mkdir -p "$OUT/$pkg"
  echo "== $pkg $ver: native" >&2
  run_one "$pkg" native
  n_pass=$R_pass n_total=$R_total n_time=$R_time n_status=$R_status
  echo "   $n_pass/$n_total passed in ${n_time}s ($n_status)" >&2
  echo "== $pkg $ver: sandboxed" >&2
  run_one "$pkg" sfi
  s_pass=$R_pass s_total=$R_total s_time=$R_time s_status=$R_status
  echo "   $s_pass/$s_total passed in ${s_time}s ($s_status)" >&2
  # a suite that could not run counts the native suite's tests as failed
  [ "$s_total" = 0 ] && s_total=$n_total
  ratio=$(echo "scale=2; $s_time / $n_time" | bc 2>/dev/null || echo "?")x
  # a build that failed ran only part of the suite: no meaningful ratio
  [ "$s_status" = ok ] && [ "$n_status" = ok ] || ratio="n/a"
  fails=$("$(fn failing "$pkg")" "$OUT/$pkg/sfi.test.log" 2>/dev/null | head -n 6)
  if [ "$s_status" != ok ]; then
    fails="$s_status: $(grep -E 'error:' "$OUT/$pkg/sfi.build.log" | head -n 2)"
  fi
  [ "$s_pass" -ge "$n_pass" ] && [ "$n_total" -gt 0 ] || STRICT_BAD=1
  [ -n "$fails" ] && { echo "   sandboxed failures:" >&2; echo "$fails" | sed 's/^/     /' >&2; }
  note=$(echo "$fails" | tr '\n|' ' /' | sed -E 's/ +/ /g' | cut -c1-160)
  ROWS="$ROWS| $pkg | $ver | $s_pass/$s_total | $n_pass/$n_total | $(printf %.1f "$s_time") / $(printf %.1f "$n_time") = ${ratio} | $note |
"
done

{
  echo "| package | version | sandboxed passed/total | native passed/total | test time s (sfi / native) | sandboxed failures |"
  echo "|---|---|---|---|---|---|"
  printf "%s" "$ROWS"
} > "$OUT/results.table.md"
cat "$OUT/results.table.md"
[ -n "$MD" ] && cp "$OUT/results.table.md" "$MD"
echo "logs: $OUT/<package>/{native,sfi}.{build,test}.log" >&2
[ "$FAILED" = 0 ] || { echo "run.sh: FAILED: some sources could not be fetched (see above)" >&2; exit 1; }
if [ "$STRICT" = 1 ] && [ "$STRICT_BAD" = 1 ]; then
  echo "run.sh: FAILED: a sandboxed suite passed fewer tests than the native one" >&2; exit 1
fi
exit 0
