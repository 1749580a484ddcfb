#!/bin/sh
# demo.sh: the README's first command. Builds libsfi, compiles an untrusted
# image decoder into a sandboxed module, and runs a host that embeds it on
# good images and on a crafted one that makes the decoder trap.
#   sh scripts/install-deps.sh && sh scripts/demo.sh
# SFI_BUILD_DIR picks the build directory (default: build).
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
build=${SFI_BUILD_DIR:-build}
llvm=/usr/lib/llvm-22
if [ -t 1 ]; then
  step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
else
  step() { printf '\n==> %s\n' "$*"; }
fi
show() { echo "\$ $*"; "$@"; }

step "1. Configure and build libsfi (pass, runtime, sandbox libc, tools)"
cmake -S . -B "$build" -G Ninja >/dev/null
cmake --build "$build" --target imgdecode sfi-run
bin=$root/$build/bin
lib=$root/$build/lib
work=$root/$build/demo
rm -rf "$work" && mkdir -p "$work"

step "2. Compile the untrusted plugin with plain clang-22 and the libsfi pass"
echo "examples/imgdecode/decoder.c decodes P5/P6 and an RLE variant; its RLE"
echo "delta packet moves the write cursor down without a bounds check."
echo "These are the flags sfi-cc passes to clang (sfi-cc -v prints them; the"
echo "safety flags are one list, include/sfi_cflags.def):"
safety=$(sed -n 's/^SFI_CFLAG("\([^"]*\)")$/\1/p' include/sfi_cflags.def)
# shellcheck disable=SC2086 # one flag a word
show "$llvm/bin/clang" -nostdinc -isystem "$llvm/lib/clang/22/include" \
  -isystem "$root/libc/include" -isystem /usr/include/x86_64-linux-musl \
  $safety -fvisibility=hidden \
  -fplugin="$lib/libsfi.so" -fpass-plugin="$lib/libsfi.so" \
  -mllvm -sfi-mode=full -mllvm -sfi-scheme=gs \
  -O2 -g -fno-omit-frame-pointer -Iexamples/imgdecode \
  -c examples/imgdecode/decoder.c -o "$work/decoder.o"

step "3. Link it into a module with sfi-cc (checks the pass's marker, adds crt and libc)"
show "$bin/sfi-cc" -v -shared "$work/decoder.o" -fsfi-import=host_log -o "$work/imgdecode.so"
echo "An object built without the pass is refused:"
"$llvm/bin/clang" -O2 -fPIC -Iexamples/imgdecode -c \
  examples/imgdecode/decoder.c -o "$work/plain.o" 2>/dev/null || true
if "$bin/sfi-cc" -shared "$work/plain.o" -o "$work/plain.so"; then
  echo "demo: sfi-cc linked an object without the marker" >&2
  exit 1
fi
echo "What keeps the host safe is the binary verifier that sfi_module_load runs"
echo "on every module (sfi-verify runs the same check):"
show "$bin/sfi-verify" "$work/imgdecode.so"
echo "A module linked by hand from that plain object is refused at load:"
"$llvm/bin/ld.lld" -shared -z now -z relro -Bsymbolic -T "$lib/sfi.ld" \
  "$lib/sfi_crt.o" "$work/plain.o" -o "$work/plain.so" 2>/dev/null
if "$bin/sfi-verify" "$work/plain.so"; then
  echo "demo: the verifier accepted a module built without the pass" >&2
  exit 1
fi

step "4. Run the host: it loads the module through sfi.h and decodes five files"
echo "(gradient.ppm, ring.rle: good; truncated.ppm: invalid; evil.rle:"
echo " crafted to trigger the bug; after.pgm: good, decoded after the trap)"
inputs=$root/$build/examples/imgdecode/inputs
show "$bin/imgdecode-host" "$work/imgdecode.so" "$inputs/gradient.ppm" \
  "$inputs/ring.rle" "$inputs/truncated.ppm" "$inputs/evil.rle" \
  "$inputs/after.pgm"

step "5. For comparison: the same decoder linked natively into a host, no sandbox"
echo "\$ $bin/imgdecode-native gradient.ppm evil.rle after.pgm"
if (cd "$inputs" && "$bin/imgdecode-native" gradient.ppm evil.rle after.pgm); then
  echo "(the native run survived this time: the wild write hit mapped memory)"
else
  echo "The native host died (status $?): one bad file took the whole process"
  echo "down, and after.pgm was never decoded."
fi

step "6. The other way in: an ordinary Makefile project, CC=sfi-cc make, run by sfi-run"
mkdir -p "$work/stats"
cp examples/makefile-project/*.[ch] examples/makefile-project/Makefile "$work/stats/"
show make --no-print-directory -C "$work/stats" CC="$bin/sfi-cc" AR="$llvm/bin/llvm-ar"
show "$bin/sfi-run" "$work/stats/stats" 20000 | head -4

step "Done"
cat <<EOF
The crafted file made the decoder write about 1 GiB past its buffer. Inside
the sandbox that write stayed in the plugin's 4 GiB region, hit unmapped
memory, and came back to the host as a trap naming rle_decode; the host's
canary was untouched, the instance was reset, and the next image decoded.

Sources: examples/imgdecode/{decoder.c,host.c}, examples/makefile-project.
Every test: sh scripts/test.sh
EOF
