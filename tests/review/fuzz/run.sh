#!/bin/sh
# run.sh [BUILD_DIR] [SEED]: the review's "accepted => contained" fuzz.
# gen_accepted.c draws random instructions with a %gs:/0x67, disp(%rsp) or
# disp(%rip) memory operand, keeps those the verifier accepts inside
# `sub $256,%rsp; mov %rdi -> every GPR; INSN; add $256,%rsp; ret`, and
# run_accepted.c calls each (one forked host per function) with register
# values aimed at a 1 MiB host canary, the return address and the region
# edges: any canary change or host death is printed. In two rounds of
# ~3000 functions only btc/bts/btr %reg,disp(%rsp) showed up (the bt
# finding). gen_any.c + cmp_objdump.py compare Zydis's instruction lengths
# on accepted random instructions with GNU objdump's (no disagreement but
# prefix presentation and objdump's "(bad)" on a few valid encodings).
set -e
here=$(cd "$(dirname "$0")" && pwd)
b=$(cd "${1:-$here/../../../build}" && pwd)
seed=${2:-5}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
L=/usr/lib/llvm-22/bin
cc -O1 -I"$here/../../../runtime/verify" "$here/gen_accepted.c" -o "$t/gen" \
  "$b/lib/libsfirt.a" -lZydis
cc -O1 -I"$here/../../../runtime/include" -I"$here/../../../include" \
  "$here/run_accepted.c" -o "$t/run" "$b/lib/libsfirt.a" -lZydis -lm -lpthread
"$t/gen" 3000000 "$seed" | sort -u > "$t/mem.txt"
python3 - "$t/mem.txt" "$t/m.s" <<'PY'
import sys
pro = ("48 81 ec 00 01 00 00 48 89 f8 48 89 fb 48 89 f9 48 89 fa 48 89 fe "
       "48 89 fd 49 89 f8 49 89 f9 49 89 fa 49 89 fb 49 89 fc 49 89 fd 49 89 "
       "fe 49 89 ff").split()
epi = "48 81 c4 00 01 00 00 c3".split()
ins = [l.strip() for l in open(sys.argv[1]) if l.strip()]
out = ["        .text"]
for i, h in enumerate(ins):
    bs = pro + [h[j:j + 2] for j in range(0, len(h), 2)] + epi
    out.append("        .p2align 4, 0xcc\n        .globl f%d\n"
               "        .type f%d,@function\nf%d:" % (i, i, i))
    out.append("        .byte " + ", ".join("0x" + b for b in bs))
out.append("""        .data
        .p2align 12
        .zero 8192
        .section .note.sfi,"a",@note
        .p2align 2
        .long 8, 16, 0x53464931
        .asciz "libsfi"
        .byte 0
        .long 1, 1, 1, 1
        .section .note.GNU-stack,"",@progbits""")
open(sys.argv[2], "w").write("\n".join(out) + "\n")
PY
$L/clang -c "$t/m.s" -o "$t/m.o"
$L/ld.lld -shared -z now -z relro -Bsymbolic --hash-style=both -z noexecstack \
  -T "$b/lib/sfi.ld" "$b/lib/sfi_crt.o" "$t/m.o" -o "$t/m.so"
"$t/run" "$t/m.so" "$(wc -l < "$t/mem.txt")" | while read -r f rest; do
  case $f in
  f*:) i=${f%:}; i=${i#f}; echo "$f $rest $(sed -n "$((i + 1))p" "$t/mem.txt")" ;;
  *) echo "$f $rest" ;;
  esac
done
