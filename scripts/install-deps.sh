#!/bin/sh
# install-deps.sh: the Debian 12 packages libsfi needs to build, test and
# benchmark. Run as root (CI does); safe to run again.
set -eu
export DEBIAN_FRONTEND=noninteractive
PKGS="clang-22 llvm-22-dev llvm-22-tools lld-22 libclang-rt-22-dev libzydis-dev libdw-dev libclang-22-dev \
  cmake ninja-build make musl-dev csmith libcsmith-dev wabt valgrind \
  gnuplot-nox python3 wasi-libc libclang-rt-22-dev-wasm32"
missing=""
for p in $PKGS; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
