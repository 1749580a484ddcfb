#!/bin/sh
# run.sh: builds every benchmark program five ways (native with glibc, the
# same native code with the sandbox libc and no isolation, sfi full, sfi
# stores-only, wasm2c), runs the builds interleaved run by run, checks that
# every build prints the same output, and reports medians, ratios to native
# and geomeans (CSV, Markdown, SVG chart).
#
#   benchmarks/run.sh [--runs N] [--size small|full] [--only prog,...]
#                     [--builds native,samelibc,full,stores,wasm2c] [--out DIR]
#                     [--results DIR] [--sfi-bin DIR] [--jobs N] [--metric wall|cpu]
#
# --metric cpu reports user+sys CPU time instead of wall time (steadier on a
# shared machine); both are always kept in runs.csv.
#
# A failed build, a crash, a non-zero exit or an output that differs from the
# native build's makes the run fail (exit 1); nothing is skipped silently.
# Full-size runs write benchmarks/results/; other sizes write OUT/results/
# unless --results is given, so a smoke run never overwrites real figures.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cmdline="benchmarks/run.sh $*"
# The tree the sfi tools are (normally) built from, taken before the long run.
srcrev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$root" diff --quiet HEAD -- pass runtime libc tools include 2>/dev/null ||
  srcrev="$srcrev (with uncommitted changes in pass/runtime/libc/tools)"

runs=3
size=full
only=""
builds="native,samelibc,full,stores,wasm2c"
out="$here/out"
results=""
sfibin="${SFI_BIN:-$root/build/bin}"
jobs=2
metric=wall
CLANG="${CLANG:-clang-22}"
WASM2C="${WASM2C:-wasm2c}"
WASI_SYSROOT="${WASI_SYSROOT:-/usr}"
WASM2C_RT="${WASM2C_RT:-/usr/share/wabt/wasm2c}"
CFLAGS_BENCH="-O2"

die() {
  echo "run.sh: error: $*" >&2
  exit 1
}

while [ $# -gt 0 ]; do
  case "$1" in
  --runs) runs=$2; shift 2 ;;
  --size) size=$2; shift 2 ;;
  --only) only=$2; shift 2 ;;
  --builds) builds=$2; shift 2 ;;
  --out) out=$2; shift 2 ;;
  --results) results=$2; shift 2 ;;
  --sfi-bin) sfibin=$2; shift 2 ;;
  --jobs) jobs=$2; shift 2 ;;
  --metric) metric=$2; shift 2 ;;
  -h | --help) sed -n '2,17p' "$0"; exit 0 ;;
  *) die "unknown option $1 (see --help)" ;;
  esac
done
case "$size" in small | full) ;; *) die "--size must be small or full" ;; esac
case "$metric" in wall | cpu) ;; *) die "--metric must be wall or cpu" ;; esac
case "$runs" in '' | *[!0-9]*) die "--runs needs a number" ;; esac
[ "$runs" -ge 1 ] || die "--runs must be at least 1"
if [ -z "$results" ]; then
  if [ "$size" = full ]; then results="$here/results"; else results="$out/results"; fi
fi

progs=""
for f in "$here"/programs/*.c; do
  progs="$progs $(basename "$f" .c)"
done
if [ -n "$only" ]; then
  sel=""
  for p in $(echo "$only" | tr ',' ' '); do
    [ -f "$here/programs/$p.c" ] || die "no program $p in benchmarks/programs"
    sel="$sel $p"
  done
  progs=$sel
fi
blist=$(echo "$builds" | tr ',' ' ')
for b in $blist; do
  case "$b" in native | samelibc | full | stores | wasm2c) ;; *) die "unknown build $b" ;; esac
done
case " $blist " in *" native "*) ;; *) die "the native build is the reference; keep it in --builds" ;; esac

SFI_CC="$sfibin/sfi-cc"
SFI_RUN="$sfibin/sfi-run"
need_sfi=0
case " $blist " in *" full "* | *" stores "* | *" samelibc "*) need_sfi=1 ;; esac
if [ $need_sfi = 1 ]; then
  [ -x "$SFI_CC" ] || die "$SFI_CC not found: build the tools first (cmake --build build) or pass --sfi-bin"
  [ -x "$SFI_RUN" ] || die "$SFI_RUN not found"
fi
command -v "$CLANG" >/dev/null || die "$CLANG not found (scripts/install-deps.sh)"
case " $blist " in *" wasm2c "*)
  command -v "$WASM2C" >/dev/null || die "wasm2c not found (Debian package wabt)"
  [ -f "$WASI_SYSROOT/lib/wasm32-wasi/libc.a" ] || die "wasi-libc not found under $WASI_SYSROOT (Debian package wasi-libc)"
  [ -f "$WASM2C_RT/wasm-rt-impl.c" ] || die "wasm2c runtime not found in $WASM2C_RT"
  ;;
esac

mkdir -p "$out/bin" "$out/logs" "$results"
log="$out/logs"

# ---- build ------------------------------------------------------------------
# Tools whose change must trigger a rebuild of the sandboxed builds.
sfi_deps=""
for f in "$SFI_CC" "$SFI_RUN" "$sfibin/../lib/libsfi.so" "$sfibin/../lib/libsfirt.a"; do
  [ -e "$f" ] && sfi_deps="$sfi_deps $f"
done
sfi_deps="$sfi_deps $(ls "$sfibin"/../lib/*.a "$sfibin"/../lib/*.o 2>/dev/null | tr '\n' ' ')"

# up_to_date TARGET DEP...: true if TARGET exists and is newer than every DEP.
up_to_date() {
  t=$1
  shift
  [ -e "$t" ] || return 1
  for d in "$@"; do
    [ "$d" -nt "$t" ] && return 1
  done
  return 0
}

# build_one PROG BUILD: writes $out/bin/PROG.BUILD (program or module).
build_one() {
  p=$1
  b=$2
  src="$here/programs/$p.c"
  tgt="$out/bin/$p.$b"
  blog="$log/build.$p.$b.log"
  case $b in
  native)
    up_to_date "$tgt" "$src" && return 0
    "$CLANG" $CFLAGS_BENCH "$src" -o "$tgt" -lm >"$blog" 2>&1 ;;
  full)
    up_to_date "$tgt" "$src" $sfi_deps && return 0
    "$SFI_CC" $CFLAGS_BENCH "$src" -o "$tgt" -lm >"$blog" 2>&1 ;;
  stores)
    up_to_date "$tgt" "$src" $sfi_deps && return 0
    "$SFI_CC" $CFLAGS_BENCH -fsfi-mode=stores "$src" -o "$tgt" -lm >"$blog" 2>&1 ;;
  samelibc)
    # Measurement only: no pass, the sandbox libc built natively, run by
    # sfi-libc-shim outside any sandbox (the loader would refuse it).
    up_to_date "$tgt" "$src" $sfi_deps && return 0
    res=$("$CLANG" -print-resource-dir)
    {
      "$CLANG" -nostdinc -isystem "$res/include" -isystem "$root/libc/include" \
        -isystem /usr/include/x86_64-linux-musl -fPIC -fno-plt $CFLAGS_BENCH \
        -c "$src" -o "$tgt.o" &&
        ld.lld-22 -shared -Bsymbolic -z now "$tgt.o" \
          "$sfibin/../lib/sfi_start-native.o" "$sfibin/../lib/libsfic-native.a" \
          -o "$tgt"
    } >"$blog" 2>&1 ;;
  wasm2c)
    w="$out/wasm2c/$p"
    up_to_date "$tgt" "$src" "$here/wasm2c/wasi.c" && return 0
    mkdir -p "$w"
    {
      # An 8 MiB stack, like the sfi shadow stack; wasm-ld's default is 64 KiB.
      "$CLANG" --target=wasm32-wasi --sysroot="$WASI_SYSROOT" $CFLAGS_BENCH \
        -Wl,-z,stack-size=8388608 "$src" -o "$w/$p.wasm" -lm &&
        "$WASM2C" -n bench "$w/$p.wasm" -o "$w/bench.c" &&
        "$CLANG" $CFLAGS_BENCH -I"$WASM2C_RT" -c "$w/bench.c" -o "$w/bench.o" &&
        "$CLANG" $CFLAGS_BENCH -Wall -Wextra -Werror -I"$w" -I"$WASM2C_RT" \
          -c "$here/wasm2c/wasi.c" -o "$w/wasi.o" &&
        "$CLANG" $CFLAGS_BENCH -I"$WASM2C_RT" -c "$WASM2C_RT/wasm-rt-impl.c" \
          -o "$w/wasm-rt-impl.o" &&
        "$CLANG" "$w/bench.o" "$w/wasi.o" "$w/wasm-rt-impl.o" -o "$tgt" -lm
    } >"$blog" 2>&1 ;;
  esac
}

timeit="$out/bin/timeit"
if ! up_to_date "$timeit" "$here/harness/timeit.c"; then
  "$CLANG" -O2 -Wall -Wextra -Werror "$here/harness/timeit.c" -o "$timeit" ||
    die "cannot build the timing harness"
fi

echo "run.sh: building $(echo $progs | wc -w) programs x [$blist] into $out (jobs=$jobs)"
tbuild0=$(date +%s)
failed="$out/build-failures"
: >"$failed"
n=0
for p in $progs; do
  for b in $blist; do
    (build_one "$p" "$b" || echo "$p.$b" >>"$failed") &
    n=$((n + 1))
    if [ $((n % jobs)) -eq 0 ]; then wait; fi
  done
done
wait
if [ -s "$failed" ]; then
  for f in $(cat "$failed"); do
    echo "run.sh: BUILD FAILED: $f (log: $log/build.$f.log)" >&2
    sed 's/^/    /' "$log/build.$f.log" | head -20 >&2
  done
  die "$(wc -l <"$failed") build(s) failed"
fi
echo "run.sh: builds done in $(($(date +%s) - tbuild0)) s"

# ---- run --------------------------------------------------------------------
# Interleaved: every run visits every program and, for each, every build, so
# slow drifts of the machine hit all builds alike.
# A hung program is killed (status 137) rather than stalling the suite.
if [ -z "${TIMEIT_LIMIT:-}" ]; then
  if [ "$size" = small ]; then TIMEIT_LIMIT=60; else TIMEIT_LIMIT=600; fi
fi
export TIMEIT_LIMIT
times="$out/times.txt"
: >"$times"
bad=0
load0=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
r=1
while [ $r -le "$runs" ]; do
  for p in $progs; do
    for b in $blist; do
      o="$log/$p.$b.out"
      case $b in
      full | stores) set -- "$SFI_RUN" "$out/bin/$p.$b" "$size" ;;
      samelibc) set -- "$sfibin/sfi-libc-shim" "$out/bin/$p.$b" "$size" ;;
      *) set -- "$out/bin/$p.$b" "$size" ;;
      esac
      res=$("$timeit" "$o" "$@" 2>"$log/$p.$b.err") || die "timing harness failed on $p.$b"
      set -- $res
      wall=$1 status=$5 verdict=ok
      if [ "$status" != 0 ]; then
        echo "run.sh: FAIL $p.$b (run $r) exit status $status" >&2
        sed 's/^/    /' "$log/$p.$b.err" | head -10 >&2
        bad=1
        verdict=exit
      elif [ "$b" != native ] && ! cmp -s "$o" "$log/$p.native.out"; then
        echo "run.sh: FAIL $p.$b (run $r): output differs from native" >&2
        diff "$log/$p.native.out" "$o" | head -10 | sed 's/^/    /' >&2
        bad=1
        verdict=mismatch
      fi
      echo "$p $b $r $res $verdict" >>"$times"
      printf '  run %d %-10s %-7s %8.3f s\n' "$r" "$p" "$b" "$wall"
    done
  done
  r=$((r + 1))
done

# ---- report -----------------------------------------------------------------
machine="$(uname -srm), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //'), $(nproc) cores"
when=$(date -u '+%Y-%m-%d %H:%M UTC')
ccver=$("$CLANG" --version | head -1)
awk -v blist="$blist" -v csv="$results/results.csv" -v md="$results/results.md" \
  -v dat="$out/ratios.dat" -v runsf="$results/runs.csv" \
  -v cmdline="$cmdline" -v when="$when" -v machine="$machine" -v load0="$load0" \
  -v ccver="$ccver" -v srcrev="$srcrev" -v size="$size" -v nruns="$runs" -v metric="$metric" '
function median(key,   n, i, j, t, a) { return median_of(key, 1) }
function median_of(key, other,   n, i, j, t, a) {
  n = cnt[key]
  for (i = 1; i <= n; i++) a[i] = other == 2 ? val2[key, i] : val[key, i]
  for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
  return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{
  p = $1; b = $2; k = p SUBSEP b
  cnt[k]++; val[k, cnt[k]] = (metric == "cpu") ? $5 + $6 : $4
  val2[k, cnt[k]] = (metric == "cpu") ? $4 : $5 + $6  # the other metric
  if ($9 != "ok") failed[k] = $9
  if (!(p in seen)) { seen[p] = 1; order[++np] = p }
  print p "," b "," $3 "," $4 "," $5 "," $6 "," $7 "," $8 "," $9 > runsf
}
END {
  nb = split(blist, bl, " ")
  label["native"] = "native"; label["full"] = "sfi full"; label["samelibc"] = "same libc, no isolation"
  label["stores"] = "sfi stores-only"; label["wasm2c"] = "wasm2c"
  hdr = "program"
  for (i = 1; i <= nb; i++) hdr = hdr "," bl[i] "_s"
  for (i = 2; i <= nb; i++) hdr = hdr "," bl[i] "_ratio"
  print hdr > csv
  mdh = "| program | native s |"; sep = "|---|---:|"
  for (i = 2; i <= nb; i++) { mdh = mdh " " label[bl[i]] " |"; sep = sep "---:|" }
  print "# Benchmark results" > md
  print "" > md
  print "Median " (metric == "cpu" ? "CPU time (user+sys)" : "wall time") " of " nruns " run(s) per build (size " size "); other builds as a ratio to native (lower is better; 1.000 = native speed)." > md
  print "" > md
  print mdh > md
  print sep > md
  for (j = 1; j <= np; j++) {
    p = order[j]; nat = median(p SUBSEP "native")
    line = p; mline = "| " p " | " sprintf("%.3f", nat) " |"; dline = p
    for (i = 1; i <= nb; i++) { m[i] = median(p SUBSEP bl[i]); line = line "," sprintf("%.4f", m[i]) }
    for (i = 2; i <= nb; i++) {
      ratio = (nat > 0) ? m[i] / nat : 0
      if ((p SUBSEP bl[i]) in failed || (p SUBSEP "native") in failed) {
        # A failed build has no meaningful time: shown, never averaged.
        line = line ",FAIL"; why = ((p SUBSEP bl[i]) in failed) ? failed[p SUBSEP bl[i]] : "native " failed[p SUBSEP "native"]
        mline = mline " FAIL (" why ") |"
        dline = dline " 0"; nfail[i]++
        continue
      }
      line = line "," sprintf("%.4f", ratio)
      mline = mline " " sprintf("%.3f", ratio) " |"
      dline = dline " " sprintf("%.4f", ratio)
      if (ratio > 0) { lsum[i] += log(ratio); lcnt[i]++ }
      if (ratio > worst[i]) { worst[i] = ratio; worstp[i] = p }
    }
    print line > csv; print mline > md; print dline > dat
  }
  gline = "geomean"; gm = "| **geomean** | |"; gd = "geomean"
  for (i = 2; i <= nb; i++) {
    g = lcnt[i] ? exp(lsum[i] / lcnt[i]) : 0
    gs = lcnt[i] ? sprintf("%.4f", g) : "n/a"
    gline = gline "," gs; gm = gm " **" (lcnt[i] ? sprintf("%.3f", g) : "n/a") "** |"; gd = gd " " (lcnt[i] ? gs : "0")
    geo[i] = g
  }
  gl = "geomean"; for (i = 1; i <= nb; i++) gl = gl ","  # no times, only ratios
  print gl substr(gline, length("geomean") + 1) > csv
  print gm > md
  print gd > dat
  print "" > md
  for (i = 2; i <= nb; i++)
    if (!lcnt[i]) printf("- %s: no program ran correctly (%d FAILED)\n", label[bl[i]], nfail[i]) > md
    else printf("- %s: geomean %+.1f%% vs native over %d program(s), worst %s at %+.1f%%%s\n", label[bl[i]], (geo[i] - 1) * 100, lcnt[i], worstp[i], (worst[i] - 1) * 100, nfail[i] ? sprintf("; %d program(s) FAILED and are left out", nfail[i]) : "") > md
  # The targets of issue 8, checked on the medians of this run.
  for (i = 2; i <= nb; i++) idx[bl[i]] = i
  if ("full" in idx && lcnt[idx["full"]]) {
    f = idx["full"]; over = ""; slower = ""; nslow = 0
    for (j = 1; j <= np; j++) {
      p = order[j]
      if ((p SUBSEP "full") in failed || (p SUBSEP "native") in failed) continue
      r = median(p SUBSEP "full") / median(p SUBSEP "native")
      if (r > 1.10) over = over " " p
      if ("wasm2c" in idx && !((p SUBSEP "wasm2c") in failed) &&
          median(p SUBSEP "full") >= median(p SUBSEP "wasm2c")) { slower = slower " " p; nslow++ }
    }
    print "" > md
    # The cost of isolation alone: over the same native code and libc.
    if ("samelibc" in idx && lcnt[idx["samelibc"]]) {
      for (i = 2; i <= nb; i++) {
        if (bl[i] == "samelibc" || bl[i] == "wasm2c") continue
        ls = 0; lc = 0; wr = 0; wp = ""
        for (j = 1; j <= np; j++) {
          p = order[j]
          if ((p SUBSEP bl[i]) in failed || (p SUBSEP "samelibc") in failed) continue
          r = median(p SUBSEP bl[i]) / median(p SUBSEP "samelibc")
          if (r > 0) { ls += log(r); lc++ }
          if (r > wr) { wr = r; wp = p }
        }
        if (lc) printf("- %s over the same libc without isolation: geomean %.3f, worst %s at %.3f\n", label[bl[i]], exp(ls / lc), wp, wr) > md
      }
      print "" > md
    }
    print "Targets (issue 12):" > md
    printf("- sfi full geomean <= 1.03: %s (%.3f)\n", geo[f] <= 1.03 ? "met" : "MISSED", geo[f]) > md
    if ("stores" in idx && lcnt[idx["stores"]])
      printf("- sfi stores-only geomean <= 1.01: %s (%.3f)\n", geo[idx["stores"]] <= 1.01 ? "met" : "MISSED", geo[idx["stores"]]) > md
    printf("- no program above 1.10 in full mode: %s\n", over == "" ? "met" : "MISSED (" substr(over, 2) ")") > md
    if ("wasm2c" in idx)
      printf("- sfi full faster than wasm2c on every program: %s\n", nslow == 0 ? "met" : "MISSED (not faster on" slower ")") > md
  }
  # The other metric, for a sanity check on a shared machine.
  line = "- geomeans by " (metric == "cpu" ? "wall time" : "CPU time (user+sys)") ":"
  for (i = 2; i <= nb; i++) {
    ls = 0; lc = 0
    for (j = 1; j <= np; j++) {
      p = order[j]
      if ((p SUBSEP bl[i]) in failed || (p SUBSEP "native") in failed) continue
      a = median_of(p SUBSEP bl[i], 2); b = median_of(p SUBSEP "native", 2)
      if (a > 0 && b > 0) { ls += log(a / b); lc++ }
    }
    line = line " " label[bl[i]] " " (lc ? sprintf("%.3f", exp(ls / lc)) : "n/a") (i < nb ? "," : "")
  }
  print "" > md
  print line > md
  print "" > md
  print "- command: `" cmdline "`" > md
  print "- date: " when > md
  print "- source: libsfi tree at commit " srcrev " when the run started (the sfi tools in --sfi-bin should be built from it)" > md
  print "- machine: " machine "; load average at start: " load0 > md
  print "- compiler: " ccver "; every build at -O2; wasm2c builds use wasi-libc and the wasm2c runtime in guard-page mode" > md
  print "- raw times: runs.csv (program, build, run, wall s, user s, sys s, max RSS KiB, exit status, verdict)" > md
  for (i = 2; i <= nb; i++) printf("%s geomean ratio: %s\n", label[bl[i]], lcnt[i] ? sprintf("%.4f", geo[i]) : "n/a (all failed)")
}' "$times"
sed -i '1i program,build,run,wall_s,user_s,sys_s,maxrss_kb,status,verdict' "$results/runs.csv"

if command -v gnuplot >/dev/null; then
  ncol=$(echo $blist | wc -w)
  plot=""
  i=2
  for b in $(echo $blist | cut -d' ' -f2-); do
    case $b in full) t="sfi full" ;; stores) t="sfi stores-only" ;; *) t=$b ;; esac
    [ -n "$plot" ] && plot="$plot, "
    plot="$plot'$out/ratios.dat' using $i:xtic(1) title '$t'"
    i=$((i + 1))
  done
  [ "$ncol" -gt 1 ] || plot="'$out/ratios.dat' using (1):xtic(1) title 'native'"
  gnuplot <<EOF || die "gnuplot failed"
set terminal svg size 1000,460 dynamic font "sans,11"
set output '$results/results.svg'
set title "$( [ "$metric" = cpu ] && echo "CPU time" || echo "Run time") relative to native (clang-22 -O2), size $size, median of $runs run(s)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set ylabel "time / native time"
set xtics rotate by -45 scale 0
set yrange [0:*]
set grid ytics
set key top left
set arrow from graph 0, first 1 to graph 1, first 1 nohead dt 2 lc rgb "black"
plot $plot
EOF
else
  die "gnuplot not found (Debian package gnuplot-nox): no chart written"
fi
echo "run.sh: wrote $results/results.csv, results.md, results.svg, runs.csv"
if [ $bad != 0 ]; then
  die "some builds crashed or printed a different output (see above)"
fi
echo "run.sh: all outputs match native"
