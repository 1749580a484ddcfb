#!/bin/sh
# tests/verify/crosscheck.sh: every module the build made (test, escape,
# fuzz-seed, stress and example modules) verified three ways must get the
# same verdict and message: the default path (fast path, cache, Zydis),
# --crosscheck (every fast-path instruction also decoded by Zydis, any
# difference refused as rule "internal") and --no-cache (Zydis alone).
# Usage: crosscheck.sh SFI_VERIFY BUILD_DIR
V=${1:?usage: crosscheck.sh SFI_VERIFY BUILD_DIR}
B=${2:?usage: crosscheck.sh SFI_VERIFY BUILD_DIR}
n=0
bad=0
for m in $(find "$B/tests" "$B/examples" -name '*.so' -not -path '*/CMakeFiles/*' \
           -size +1k 2>/dev/null | sort); do
  a=$("$V" "$m" 2>&1 | sed "s|^$m: ||")
  c=$("$V" --crosscheck "$m" 2>&1 | sed "s|^$m: ||")
  z=$("$V" --no-cache "$m" 2>&1 | sed "s|^$m: ||")
  n=$((n + 1))
  if [ "$a" != "$z" ] || [ "$c" != "$z" ]; then
    echo "FAIL $m"
    echo "  default:    $a"
    echo "  crosscheck: $c"
    echo "  zydis only: $z"
    bad=$((bad + 1))
  fi
done
echo "$n modules, $bad differences"
# the build makes well over a hundred modules; a handful means a bad path
[ "$n" -ge 20 ] && [ "$bad" -eq 0 ]
