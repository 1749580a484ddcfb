#!/bin/sh
# check.sh: the example's test. Runs the host on every input and checks that
# the good images decode to the generator's checksums, the crafted one traps
# in the decoder, the image after it decodes (the host survived and reset
# the instance) and the host canary is intact.
#   check.sh HOST PLUGIN INPUTDIR
set -u
host=$1 plugin=$2 dir=$3
out=$(mktemp)
trap 'rm -f "$out"' EXIT
fail() { echo "FAIL: $*"; echo "--- host output:"; cat "$out"; exit 1; }

"$host" "$plugin" "$dir/gradient.ppm" "$dir/ring.rle" "$dir/truncated.ppm" \
  "$dir/evil.rle" "$dir/after.pgm" >"$out" 2>&1
rc=$?
[ $rc -eq 0 ] || fail "host exited with $rc, want 0"

# Every good image, with the checksum its generator computed.
while read -r name dims sum; do
  grep -q "^   ok $name: $dims checksum $sum, " "$out" ||
    fail "$name: no 'ok $name: $dims checksum $sum' line"
done <"$dir/expected.txt"
grep -q "MISMATCH" "$out" && fail "callback rows and result disagree"

# The truncated file is an ordinary error, not a trap.
awk '/^== truncated.ppm/{f=1;next} /^==/{f=0} f' "$out" |
  grep -q "rejected: not a valid image" || fail "truncated.ppm not rejected"

# The crafted file traps, out of bounds, in the decoder's RLE routine.
sect=$(awk '/^== evil.rle/{f=1;next} /^==|^summary/{f=0} f' "$out")
echo "$sect" | grep -q "TRAP in the plugin (out-of-bounds memory access)" ||
  fail "evil.rle: no out-of-bounds trap"
echo "$sect" | grep -q "rle_decode" || fail "evil.rle: trap does not name rle_decode"
echo "$sect" | grep -q "host canary (4096 bytes at 0x[0-9a-f]*): intact" ||
  fail "evil.rle: canary not reported intact"
echo "$sect" | grep -q "instance reset; going on" || fail "evil.rle: no reset"

# The image after the trap comes after it in the output, decoded.
awk '/^== evil.rle/{e=NR} /^   ok after.pgm:/{a=NR} END{exit !(e && a > e)}' \
  "$out" || fail "after.pgm not decoded after the trap"

grep -q "^summary: 3 decoded, 1 rejected, 1 trapped, 0 host errors; host canary intact$" \
  "$out" || fail "wrong summary"
echo "PASS: 3 decoded with the expected checksums, truncated rejected, evil trapped, host intact"
