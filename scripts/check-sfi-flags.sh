#!/bin/sh
# check-sfi-flags.sh: the safety flags of a sandboxed compile have one home,
# include/sfi_cflags.def. Fails (exit 1, naming file and line) when
#   1. a source, build or script file spells one of the sandbox-only flags
#      itself (a copy that can drift) instead of reading the list;
#   2. a consumer of the list (sfi-cc, the CMake files, the demo, the
#      stress generator) no longer names it;
#   with BUILD (a configured Ninja build directory):
#   3. a compile through the pass plugin that CMake generated (libc,
#      examples, runtime and escape test modules) lacks one of the flags;
#   4. the clang command that BUILD/bin/sfi-cc -v prints lacks one of them,
#      or has them in another order.
# usage: check-sfi-flags.sh SRC [BUILD]   (ctest: sfi.flags)
set -u
src=${1:?usage: check-sfi-flags.sh SRC [BUILD]}
build=${2:-}
def=$src/include/sfi_cflags.def
fail=0
bad() { echo "check-sfi-flags: $*" >&2; fail=1; }

flags=$(sed -n 's/^SFI_CFLAG("\([^"]*\)")$/\1/p' "$def")
[ -n "$flags" ] || { bad "no SFI_CFLAG(\"...\") line in $def"; exit 1; }
# Every SFI_CFLAG line must be in the form the readers match.
if grep -n 'SFI_CFLAG(' "$def" | grep -v ':SFI_CFLAG("[^"]*")$' |
   grep -v '^[0-9]*: \*'; then
  bad "$def: an SFI_CFLAG line the readers would skip (above)"
fi

# 1. No copies. -fPIC and -fno-plt are in the list too, but native builds
# use them as well, so only the sandbox-only flags are searched for. Prose
# (*.md) and lit tests that hand them to sfi-cc as user flags (*.test) may
# name them; tools/sfi-bindgen.c parses headers (not a compile)
# with -D__sfi__=1 so that they declare what a sandboxed compile sees.
files=$(cd "$src" && find . \( -name build -o -name 'build-*' -o -name .git \
          -o -name node_modules \) -prune -o -type f \( -name '*.c' \
          -o -name '*.h' -o -name '*.cpp' -o -name '*.S' -o -name '*.s' \
          -o -name '*.sh' -o -name '*.py' -o -name '*.in' -o -name '*.cmake' \
          -o -name CMakeLists.txt -o -name Makefile -o -name '*.mk' \
          \) -print | sed 's|^\./||' | sort)
for f in $flags; do
  case $f in -fPIC | -fno-plt) continue ;; esac
  # grep -F -e: the flag starts with '-'.
  hits=$(cd "$src" && grep -nF -e "$f" $files |
         grep -v -e '^include/sfi_cflags\.def:' -e '^scripts/check-sfi-flags\.sh:')
  [ "$f" = "-D__sfi__=1" ] &&
    hits=$(printf '%s\n' "$hits" | grep -v '^tools/sfi-bindgen\.c:')
  if [ -n "$hits" ]; then
    printf '%s\n' "$hits" >&2
    bad "the lines above spell $f themselves: read include/sfi_cflags.def"
  fi
done

# 2. The consumers name the list.
for c in tools/sfi-cc.c:sfi_cflags.def CMakeLists.txt:sfi_cflags.def \
         libc/CMakeLists.txt:SFI_SANDBOX_CFLAGS \
         examples/CMakeLists.txt:SFI_SANDBOX_CFLAGS \
         tests/runtime/CMakeLists.txt:SFI_SANDBOX_CFLAGS \
         tests/escape/CMakeLists.txt:SFI_SANDBOX_CFLAGS \
         scripts/demo.sh:sfi_cflags.def tests/stress/gen_batch.sh:sfi_cflags.def
do
  file=${c%%:*} word=${c#*:}
  grep -qF "$word" "$src/$file" || bad "$file does not read the list ($word)"
done

if [ -n "$build" ]; then
  # 3. Every pass compile CMake generated has every flag.
  if [ -f "$build/build.ninja" ]; then
    cmds=$(grep -h -e '-fpass-plugin=' "$build/build.ninja" \
             $(find "$build" -name '*.ninja' ! -name build.ninja) 2>/dev/null |
           grep -e ' -c ')
    n=$(printf '%s\n' "$cmds" | grep -c -e '-fpass-plugin=')
    # each consumer's compiles must be among them
    for where in /libc/src/ /examples/ /tests/runtime/modules/ \
                 /tests/escape/modules/; do
      printf '%s\n' "$cmds" | grep -q -e " -c [^ ]*$where" ||
        bad "$build: no pass compile of $where in the Ninja files"
    done
    for f in $flags; do
      miss=$(printf '%s\n' "$cmds" | grep -v -e " $f " | head -3)
      [ -z "$miss" ] || bad "a pass compile lacks $f: $(printf '%s' "$miss" |
        grep -o -e ' -c [^ ]*' | tr '\n' ' ')"
    done
    echo "check-sfi-flags: $n pass compiles in $build carry the list"
  else
    echo "check-sfi-flags: $build has no build.ninja: step 3 skipped"
  fi
  # 4. sfi-cc's compiled-in list: the flags, in the list's order.
  tmp=$(mktemp -d) || exit 1
  echo 'int f(void) { return 1; }' >"$tmp/t.c"
  if "$build/bin/sfi-cc" -v -c "$tmp/t.c" -o "$tmp/t.o" >"$tmp/out" 2>&1; then
    # the first line that runs clang
    line=$(grep -m1 -e '-fpass-plugin=' "$tmp/out")
    want=$(printf '%s ' $flags)
    got=$(printf '%s\n' $line | grep -x -F -e "$(printf '%s\n' $flags)" |
          tr '\n' ' ')
    [ "$got" = "$want" ] ||
      bad "sfi-cc -v: safety flags '$got', list '$want'"
  else
    cat "$tmp/out" >&2
    bad "sfi-cc -v -c failed"
  fi
  rm -rf "$tmp"
fi
[ $fail -eq 0 ] && echo "check-sfi-flags: one list, $(echo $flags | wc -w) flags, no copies"
exit $fail
