#!/bin/sh
# install-deps.sh: the Debian 12 packages libsfi needs to build, test and
# benchmark. Run as root (CI does); safe to run again.
set -eu
export DEBIAN_FRONTEND=noninteractive
PKGS="clang-22 llvm-22-dev llvm-22-tools lld-22 libclang-rt-22-dev libzydis-dev libdw-dev libclang-22-dev \
  cmake ninja-build make musl-dev csmith libcsmith-dev wabt valgrind \
  gnuplot-nox python3 wasi-libc libclang-rt-22-dev-wasm32 dpkg-dev bc universal-ctags"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
# Debian source packages for the real-world suite (tests/realworld/run.sh
# fetches them with apt-get source): a deb-src entry for bookworm.
SRCLIST=/etc/apt/sources.list.d/sfi-debsrc.sources
need_update=""
if [ ! -e "$SRCLIST" ]; then
  printf '%s\n' 'Types: deb-src' 'URIs: http://deb.debian.org/debian' \
    'Suites: bookworm' 'Components: main' \
    'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' |
    $SUDO tee "$SRCLIST" >/dev/null
  need_update=1
fi
missing=""
for p in $PKGS; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ] || [ -n "$need_update" ]; then
  $SUDO apt-get update -qq
fi
if [ -n "$missing" ]; then
  $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
