#!/bin/sh
# test.sh: build everything and run every test (lit, ctest). This is the
# README's test command and what CI runs.
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build
cd build && ctest --output-on-failure -j2
