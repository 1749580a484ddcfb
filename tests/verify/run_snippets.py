#!/usr/bin/env python3
"""run_snippets.py: assembles each verifier test snippet into a tiny shared
object (the way sfi-cc links modules: ld.lld -shared -z now) with a jump
table, runs sfi-verify on it and compares the verdict with the expectation.

A snippet file holds snippets separated by marker lines
    #= pass NAME [options]
    #= fail RULE NAME [options]
where RULE is the rule name the verifier must report ("memory", "stack",
...). Options: stores-only (the module carries a stores-only libsfi note),
jt=N (pad the table to N bytes instead of 256), nojt (no table section),
uses=x87|avx512|x87+avx512|none (a passing snippet: the state the verifier
says its code can touch, which decides what the transitions clear).
Every snippet is assembled after PROLOGUE: FUNC name starts a function
(16-aligned, int3 fill, STT_FUNC), JT name adds a table entry (jmp name).
The table always starts with the crt's trap entry.
Usage: run_snippets.py SFI_VERIFY CLANG LLD FILE... (exit 1 on mismatch)."""
import os
import subprocess
import sys
import tempfile

PROLOGUE = """
        .macro FUNC name
        .text
        .p2align 4, 0xcc
        .globl \\name
        .type \\name,@function
\\name:
        .endm
        .macro JT name
        .pushsection sfi_jt,"ax",@progbits
        jmp \\name
        .p2align 4, 0xcc
        .popsection
        .endm
        .section sfi_jt,"ax",@progbits
        .p2align 4
.Ljt0:
        ud2
        .fill 14, 1, 0xcc
        .text
"""

EPILOGUE = """
        .text
        .p2align 4, 0xcc
        .section sfi_jt,"ax",@progbits
        .skip {jt} - (. - .Ljt0), 0xcc
"""

NOTE = """
        .section .note.sfi,"a",@note
        .p2align 2
        .long 8, 16, 0x53464931
        .asciz "libsfi"
        .byte 0
        .long 1, {mode}, 1, 1
"""


def parse(path):
    snippets, cur = [], None
    with open(path) as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#="):
                words = line[2:].split()
                if words[0] == "pass":
                    exp, rule, rest = "pass", None, words[1:]
                elif words[0] == "fail":
                    exp, rule, rest = "fail", words[1], words[2:]
                else:
                    sys.exit("%s:%d: bad marker" % (path, n))
                cur = {"exp": exp, "rule": rule, "name": rest[0],
                       "opts": rest[1:], "text": "", "line": n}
                snippets.append(cur)
            elif cur is not None:
                cur["text"] += line
    return snippets


def build(s, tmp, clang, lld):
    opts = dict(o.split("=", 1) if "=" in o else (o, "") for o in s["opts"])
    src = PROLOGUE + s["text"]
    if "nojt" in opts:
        src = src.replace(PROLOGUE, PROLOGUE.split(".section sfi_jt")[0])
    else:
        src += EPILOGUE.format(jt=opts.get("jt", "256"))
    src += NOTE.format(mode=2 if "stores-only" in opts else 1)
    asm, obj, so = (os.path.join(tmp, "t" + e) for e in (".s", ".o", ".so"))
    with open(asm, "w") as f:
        f.write(src)
    for cmd in ([clang, "-c", asm, "-o", obj],
                [lld, "-shared", "-z", "now", "-z", "relro", "-Bsymbolic",
                 "--hash-style=both", "-z", "noexecstack", obj, "-o", so]):
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode:
            return None, r.stderr
    return so, ""


def main():
    verify, clang, lld = sys.argv[1:4]
    bad = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in sys.argv[4:]:
            for s in parse(path):
                total += 1
                where = "%s:%d %s" % (os.path.basename(path), s["line"],
                                      s["name"])
                so, err = build(s, tmp, clang, lld)
                if not so:
                    print("BUILD FAILED %s\n%s" % (where, err))
                    bad += 1
                    continue
                r = subprocess.run([verify, so], capture_output=True,
                                   text=True)
                out = r.stdout.strip()
                ok = (r.returncode == 0) if s["exp"] == "pass" else (
                    r.returncode == 1 and (": %s at " % s["rule"]) in out)
                uses = [o.split("=", 1)[1] for o in s["opts"]
                        if o.startswith("uses=")]
                if ok and uses:
                    want = {"none": set(), "x87": {"x87/MMX"},
                            "avx512": {"AVX-512"},
                            "x87+avx512": {"x87/MMX", "AVX-512"}}[uses[0]]
                    got = set()
                    for line in out.splitlines():
                        if line.startswith("state: its code can touch"):
                            got = set(line.split("touch", 1)[1].split())
                    ok = got == want
                print("%s %s %s: %s" % ("ok  " if ok else "FAIL", s["exp"],
                                        where, out))
                bad += not ok
    print("%d snippets, %d unexpected" % (total, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
