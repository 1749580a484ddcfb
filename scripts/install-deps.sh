#!/bin/sh
# install-deps.sh: the Debian 12 packages libsfi needs to build, test and
# benchmark. Run as root (CI does); safe to run again.
set -eu
export DEBIAN_FRONTEND=noninteractive
PKGS="clang-19 llvm-19-dev llvm-19-tools lld-19 libclang-rt-19-dev \
  cmake ninja-build make musl-dev csmith libcsmith-dev wabt valgrind \
  gnuplot-nox python3 wasi-libc libclang-rt-19-dev-wasm32"
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
