#!/bin/sh
# gen_batch.sh: generates random IR functions with llvm-stress (fixed seeds
# START .. START+COUNT-1), compiles each through the pass with clang and the
# plugin, with sfi-cc's code-generation flags (sfi-cc itself refuses IR
# inputs), alternating -O2 and -O0, sizes varying with the seed, and links
# those that compile into one module with sfi-cc, OUT/batch.so.
# OUT/seeds.txt lists the functions in it; OUT/refused.txt the seeds the
# toolchain refused (with the reason). Extra sfi-cc flags (e.g.
# -fsfi-scheme=anchor) come from $SFI_STRESS_FLAGS.
# usage: gen_batch.sh SFI_CC LLVM_STRESS OUT START COUNT
set -u
flags=${SFI_STRESS_FLAGS:-}
cc=$1 stress=$2 out=$3 start=$4 count=$5
plugin=$(dirname "$cc")/../lib/libsfi.so
clang=${SFI_CLANG:-/usr/lib/llvm-22/bin/clang}
# sfi-cc's -fsfi-* flags as the plugin's -mllvm options; the rest as is.
# The sandbox's safety flags, one list with sfi-cc (include/sfi_cflags.def).
def=$(dirname "$0")/../../include/sfi_cflags.def
irflags=$(sed -n 's/^SFI_CFLAG("\([^"]*\)")$/\1/p' "$def" | tr '\n' ' ')
[ -n "$irflags" ] || { echo "gen_batch.sh: no flags in $def" >&2; exit 1; }
irflags="$irflags -fplugin=$plugin -fpass-plugin=$plugin -mllvm -sfi-verify"
for f in $flags; do
  case $f in
  -fsfi-mode=* | -fsfi-scheme=*) irflags="$irflags -mllvm -${f#-f}" ;;
  *) irflags="$irflags $f" ;;
  esac
done
mkdir -p "$out/work"
: >"$out/seeds.txt"
: >"$out/refused.txt"
objs=""
i=$start
end=$((start + count))
while [ "$i" -lt "$end" ]; do
  size=$((50 + (i * 37) % 400))
  opt=-O2
  [ $((i % 2)) -eq 1 ] && opt=-O0
  ll="$out/work/s$i.ll" obj="$out/work/s$i.o"
  if "$stress" -seed="$i" -size="$size" -o "$ll" &&
     "$clang" $opt $irflags -w -c "$ll" -o "$obj" 2>"$out/work/s$i.err"; then
    objs="$objs $obj"
    echo "$i" >>"$out/seeds.txt"
  else
    echo "$i: $(grep -m1 -i error "$out/work/s$i.err")" >>"$out/refused.txt"
  fi
  i=$((i + 1))
done
"$cc" -O2 -fsfi-exports=all -c "$(dirname "$0")/bystander.c" -o "$out/work/bystander.o" || exit 1
# shellcheck disable=SC2086
"$cc" -shared -fsfi-exports=all "$out/work/bystander.o" $objs -o "$out/batch.so" 2>"$out/link.err" || {
  cat "$out/link.err" >&2
  exit 1
}
echo "batch $start..$((end - 1)): $(wc -l <"$out/seeds.txt") compiled," \
     "$(wc -l <"$out/refused.txt") refused"
