#!/bin/sh
# build_module.sh: builds one attack module with sfi-cc. A refusal by the
# toolchain is a legitimate outcome for some attacks, so it does not fail the
# build: it leaves NAME.refused (the compiler's message) instead of NAME.so,
# and the harness decides whether refusal is acceptable for that class.
# usage: build_module.sh SFI_CC OUT.so SRC.c [extra sfi-cc flags...]
# The attack modules export every global (-fsfi-exports=all): the harness
# calls their functions by name without SFI_EXPORT marks.
set -u
cc=$1 out=$2 src=$3
shift 3
refused=${out%.so}.refused
rm -f "$out" "$refused"
if "$cc" -O2 -g -shared -fsfi-exports=all "$@" "$src" -o "$out" 2>"$refused.tmp"; then
  rm -f "$refused.tmp"
else
  mv "$refused.tmp" "$refused"
  rm -f "$out"
fi
exit 0
