#!/usr/bin/env python3
"""mutate.py: mutation test of the binary verifier. Starts from a module the
verifier accepts (a synthetic one from gen_module.py, or --module FILE, e.g.
a real module once the toolchain emits the version-2 shape), patches its
code and checks the verdicts:
  targeted mutations must all be rejected: a syscall over an instruction,
  the 0x67 prefix dropped from a %gs: operand, a %gs: operand made plain
  (ds) or 64-bit, a changed confinement and-mask, a call rel32 moved off
  its function start;
  random byte mutations: the verifier must not crash, its verdict must not
  depend on its fast path and decoding cache (--no-cache), --crosscheck
  (fast path against Zydis) must agree, and every accepted mutant must
  pass an independent oracle (llvm-objdump's disassembly: no forbidden
  mnemonic, every memory operand %gs:+32-bit, (%rsp) or (%rip)), and
  the register state the verifier says the code can touch (its `state:`
  line) must cover every x87/MMX and AVX-512 instruction llvm-objdump
  sees (the transitions clear that state only for modules said to use it).
  --tables (with --module, a module built by sfi-cc that has table
  dispatches in the loading form): each slot moved into an instruction or
  to another function or made a call, the index mask widened past the
  table, the slot base moved, the slot read at another offset must all be
  rejected; the oracle takes the flat slot read only inside a whole table
  dispatch.
Usage: mutate.py --verify SFI_VERIFY --objdump LLVM_OBJDUMP
                 [--module M.so [--tables] | --clang C --lld L]
                 [--random N] [--each N] [--seed S]"""
import argparse
import os
import random
import re
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def exec_segments(data):
    """[(vaddr, offset, filesz)] of the executable PT_LOADs."""
    phoff, = struct.unpack_from("<Q", data, 32)
    phnum, = struct.unpack_from("<H", data, 56)
    segs = []
    for i in range(phnum):
        t, flags, off, vaddr, _, filesz, _, _ = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + 56 * i)
        if t == 1 and flags & 1:
            segs.append((vaddr, off, filesz))
    return segs


def file_off(segs, va):
    for vaddr, off, filesz in segs:
        if vaddr <= va < vaddr + filesz:
            return off + va - vaddr
    raise ValueError("0x%x not in code" % va)


# The bytes end with a tab, not a space, when they fill their column.
LINE = re.compile(r"^\s*([0-9a-f]+):\s+((?:[0-9a-f]{2}[ \t])+)\s*(.*)$")


def disassemble(objdump, path):
    """[(vaddr, bytes, text, section)] from llvm-objdump (AT&T)."""
    out = subprocess.run([objdump, "-d", "--no-print-imm-hex", path],
                         capture_output=True, text=True).stdout
    insns, sect = [], ""
    for line in out.splitlines():
        if line.startswith("Disassembly of section"):
            sect = line.split()[-1].rstrip(":")
            continue
        m = LINE.match(line)
        if m:
            insns.append((int(m.group(1), 16),
                          bytes.fromhex(re.sub(r"\s", "", m.group(2))),
                          m.group(3).strip(), sect))
    return insns


def verify(binary, path, no_cache=False, crosscheck=False):
    cmd = [binary] + (["--no-cache"] if no_cache else []) + \
        (["--crosscheck"] if crosscheck else []) + [path]
    r = subprocess.run(cmd, capture_output=True, text=True)
    return r.returncode, r.stdout.strip()


FORBIDDEN = re.compile(
    r"^(rep\w*\s+)?(syscall|sysenter|int\b|int1|into|iret|lret|ljmp|lcall|"
    r"wr[fg]sbase|rd[fg]sbase|swapgs|movs[bwlq]\b|stos|cmps[bwlq]?\b|scas|lods|"
    r"ins[bwl]?\b|outs|xlat|enter|leave|popf|maskmov|vmaskmovdqu|xbegin|"
    r"xabort|xend|xsave|xrstor|fxsave|fxrstor|wrpkru|umonitor|umwait|tpause|"
    r"monitor|mwait|movdir64b|enqcmd|bnd|hlt|in\b|out\b|cli|sti|vpgather|"
    r"vgather|vpscatter|vscatter)")
R32 = re.compile(r"^%(e\w\w|r\d+d)$")
MEM = re.compile(r"(%\w+:)?(-?\w+)?\((%\w+)?(?:,(%\w+)(?:,\d)?)?\)")


def oracle(text):
    """None when the instruction text is acceptable, else the reason."""
    mnem = text.split()[0] if text else ""
    if FORBIDDEN.match(text):
        return "forbidden mnemonic"
    if "%fs:" in text:
        return "%fs: operand"
    if mnem.startswith(("lea", "nop", "ud1", "ud0")):
        return None
    for seg, _, base, index in MEM.findall(text):
        if index in ("%riz", "%eiz"):  # SIB without an index
            index = ""
        if seg == "%gs:":
            if (base and not R32.match(base)) or (index and not R32.match(index)):
                return "%gs: with 64-bit registers"
        elif seg not in ("", "%cs:", "%ds:", "%es:", "%ss:"):  # flat ones
            return "segment " + seg
        elif base == "%rsp" and not index:
            pass
        elif base == "%rip" and not index:
            pass
        else:
            return "unconfined memory operand"
    return None


X87 = re.compile(r"%st\b|%st\(|%mm\d")
AVX512 = re.compile(r"%zmm|%k[0-7]\b|%[xy]mm(1[6-9]|2\d|3[01])\b|\{")


def state_needed(text):
    """The SFI_USES_* names an instruction's text needs."""
    mnem = text.split()[0] if text else ""
    need = set()
    if mnem.startswith("f") or mnem in ("emms", "wait") or X87.search(text):
        need.add("x87/MMX")
    if mnem.startswith("k") or AVX512.search(text):
        need.add("AVX-512")
    if mnem == "xgetbv":
        need |= {"x87/MMX", "AVX-512"}
    return need


def state_said(out):
    for line in out.splitlines():
        if line.startswith("state: its code can touch"):
            return set(line.split("touch", 1)[1].split())
    return set()


def targeted(insns, kind, rng, segs, data):
    """One mutant of the given kind as {file offset: bytes}, or None."""
    text = [x for x in insns if x[3] == ".text"]
    if kind == "syscall":
        cands = [x for x in text if len(x[1]) >= 2]
        va, b, _, _ = rng.choice(cands)
        return {file_off(segs, va): b"\x0f\x05" + b"\x90" * (len(b) - 2)}
    if kind in ("drop67", "gs-to-ds", "gs-to-64bit"):
        cands = [x for x in text if x[1][:2] in (b"\x65\x67", b"\x67\x65")]
        if not cands:
            return None
        va, b, _, _ = rng.choice(cands)
        if kind == "drop67":
            nb = b.replace(b"\x67", b"", 1) + b"\x90"
        elif kind == "gs-to-ds":
            nb = b.replace(b"\x65", b"\x3e", 1)
        else:
            nb = b[2:] + b"\x90\x90"
        return {file_off(segs, va): nb}
    if kind == "and-mask":
        cands = [x for x in text if x[2].startswith("andl") and
                 x[1][-4:] != b"" and len(x[1]) >= 5 and
                 x[1][0] in (0x81, 0x41, 0x25)]
        if not cands:
            return None
        va, b, _, _ = rng.choice(cands)
        bit = rng.choice([0, 1, 2, 3, 8, 12, 20, 31])
        imm = struct.unpack_from("<I", b, len(b) - 4)[0] ^ (1 << bit)
        return {file_off(segs, va): b[:-4] + struct.pack("<I", imm)}
    if kind == "call-rel32":
        cands = [x for x in text if x[1][0] == 0xe8 and len(x[1]) == 5]
        va, b, _, _ = rng.choice(cands)
        rel = struct.unpack_from("<i", b, 1)[0] + rng.choice([1, 2, 3, 5, 7])
        return {file_off(segs, va): b[:1] + struct.pack("<i", rel)}
    raise ValueError(kind)


def table_sites(insns):
    """Table dispatches of the loading form in .text, each as
    (and-mask insn, lea-slots insn, movslq insn, first slot address, slot
    count): `and $N-1,%eX; ...; lea D(%rip),%T; lea (%T,%rX,8),%T; movslq
    -4(%T),%R; add; jmp *%R`, slot i a 5-byte `jmp rel32` at T-5+8*i."""
    text = [x for x in insns if x[3] == ".text"]
    sites = []
    for i in range(len(text) - 3):
        lea, scale, load = text[i], text[i + 1], text[i + 2]
        if not (lea[2].startswith("leaq") and "(%rip)" in lea[2] and
                scale[2].startswith("leaq") and ",8)" in scale[2] and
                load[2].startswith("movslq") and load[2].split()[1]
                .startswith("-4(")):
            continue
        disp = struct.unpack_from("<i", lea[1], len(lea[1]) - 4)[0]
        slots5 = lea[0] + len(lea[1]) + disp
        mask = None
        idx = re.search(r",%r?(\w+?)d?,8\)", scale[2].replace(" ", ""))
        if not idx:
            continue
        reg = idx.group(1)  # "cx" of %rcx, "9" of %r9
        r32 = "%e" + reg if not reg.isdigit() else "%r" + reg + "d"
        for j in range(i - 1, max(-1, i - 6), -1):
            m = re.match(r"andl\s+\$(\d+), (%\w+)$", text[j][2])
            if m and m.group(2) == r32:
                mask = (text[j], int(m.group(1)))
                break
        if mask is None or mask[1] & (mask[1] + 1):
            continue
        sites.append((mask[0], lea, load, slots5 - 5, mask[1] + 1))
    return sites


TABLE_KINDS = ("slot-mid", "slot-other-func", "slot-call", "table-mask",
               "table-lea", "table-load")


def table_mutant(insns, kind, rng, segs, sites):
    """One mutant of a table dispatch as {file offset: bytes}: each must be
    rejected (a slot that jumps into an instruction, to another function or
    is not a jmp; a mask wider than the table; the slot base moved; the
    slot read at another offset)."""
    and_i, lea, load, slot0, n = rng.choice(sites)
    starts = {x[0] for x in insns}
    if kind.startswith("slot-"):
        slot = slot0 + 8 * rng.randrange(n)
        off = file_off(segs, slot)
        if kind == "slot-call":
            return {off: b"\xe8"}
        here = slot + 5
        if kind == "slot-mid":
            funcs = sorted(x[0] for x in insns)
            cands = [a + d for a in funcs for d in (1, 2)
                     if a + d not in starts and slot0 - 4096 < a < slot0]
        else:  # another function's first instruction (the crt's, at least)
            own = lea[0]
            cands = [x[0] for x in insns if x[3] == ".text" and
                     abs(x[0] - own) > 4096]
            cands = cands[:1] + cands[-1:]
        if not cands:
            return None
        return {off + 1: struct.pack("<i", rng.choice(cands) - here)}
    if kind == "table-mask":
        va, b, _, _ = and_i
        wider = (n << 1) - 1
        return {file_off(segs, va) + len(b) - 1: bytes([wider & 0xff])} \
            if b[-1] == n - 1 and wider < 128 else None
    if kind == "table-lea":
        va, b, _, _ = lea
        disp = struct.unpack_from("<i", b, len(b) - 4)[0] + 8
        return {file_off(segs, va) + len(b) - 4: struct.pack("<i", disp)}
    if kind == "table-load":
        va, b, _, _ = load
        return {file_off(segs, va) + len(b) - 1: bytes([(b[-1] + 1) & 0xff])}
    raise ValueError(kind)


def all_rejected(verify_bin, data, mut, kind, each, width, make,
                 required=False):
    """Up to `each` mutants of one kind (make(kind): a patch, or None when
    none can be made here), written to mut: the verifier must reject every
    one; with `required`, at least one must be made. Prints the tally and
    returns the number of errors."""
    rejected = tried = errors = 0
    for _ in range(each):
        patch = make(kind)
        if patch is None:
            continue
        open(mut, "wb").write(apply(data, patch))
        rc, out = verify(verify_bin, mut)
        tried += 1
        rejected += rc == 1
        if rc != 1:
            print("NOT REJECTED %s %s: %s" % (kind, patch, out))
            errors += 1
    if required and not tried:
        print("no %s mutant could be made" % kind)
        errors += 1
    print("targeted %-*s %d/%d rejected" % (width, kind, rejected, tried))
    return errors


def apply(data, patch):
    d = bytearray(data)
    for off, b in patch.items():
        d[off:off + len(b)] = b
    return bytes(d)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--verify", required=True)
    ap.add_argument("--objdump", required=True)
    ap.add_argument("--module")
    ap.add_argument("--clang", default="clang-22")
    ap.add_argument("--lld", default="/usr/lib/llvm-22/bin/ld.lld")
    ap.add_argument("--random", type=int, default=300)
    ap.add_argument("--each", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tables", action="store_true",
                    help="also mutate the module's table dispatches (the "
                    "module must have some: --module built by sfi-cc)")
    ap.add_argument("--file", type=int, default=50,
                    help="random mutations anywhere in the file (headers, "
                    "symbols, relocations): no crash, same verdicts")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    errors = 0
    with tempfile.TemporaryDirectory() as tmp:
        base = a.module
        if not base:
            base = os.path.join(tmp, "base.so")
            subprocess.run([sys.executable, os.path.join(HERE, "gen_module.py"),
                            "--out", base, "--funcs", "200", "--vary", "--clang",
                            a.clang, "--lld", a.lld], check=True)
        data = open(base, "rb").read()
        rc, out = verify(a.verify, base)
        if rc != 0:
            print("base module rejected: %s" % out)
            return 1
        segs = exec_segments(data)
        insns = disassemble(a.objdump, base)
        mut = os.path.join(tmp, "m.so")
        # and-mask: the synthetic module's confinement masks; a real
        # module's andl are arithmetic.
        kinds = ("syscall", "drop67", "gs-to-ds", "gs-to-64bit") + \
            (("call-rel32",) if a.module else ("and-mask", "call-rel32"))
        for kind in kinds:
            errors += all_rejected(
                a.verify, data, mut, kind, a.each, 12,
                lambda k: targeted(insns, k, rng, segs, data))
        if a.tables:
            sites = table_sites(insns)
            print("table dispatches: %d" % len(sites))
            if not sites:
                print("no table dispatch in the base module")
                errors += 1
            for kind in TABLE_KINDS if sites else ():
                errors += all_rejected(
                    a.verify, data, mut, kind, a.each, 15,
                    lambda k: table_mutant(insns, k, rng, segs, sites),
                    required=True)
        code = [(off, sz) for _, off, sz in segs]
        total = sum(sz for _, sz in code)
        accepted = 0
        for i in range(a.random):
            k = rng.randrange(total)
            for off, sz in code:
                if k < sz:
                    break
                k -= sz
            pos = off + k
            n = rng.choice([1, 1, 1, 2, 4])
            patch = {pos: bytes(rng.randrange(256) for _ in range(n))}
            open(mut, "wb").write(apply(data, patch))
            rc, out = verify(a.verify, mut)
            rc2, out2 = verify(a.verify, mut, no_cache=True)
            rc3, out3 = verify(a.verify, mut, crosscheck=True)
            if rc not in (0, 1) or rc != rc2 or out != out2 or \
                    rc3 != rc2 or out3 != out2:
                print("MISMATCH or crash at 0x%x: %d %s / %d %s / %d %s" %
                      (pos, rc, out, rc2, out2, rc3, out3))
                errors += 1
                continue
            if rc == 0:
                accepted += 1
                said = state_said(out)
                minsns = disassemble(a.objdump, mut)
                # the loading form's slot read (movslq -4(%T)) is flat:
                # the oracle takes it only inside a whole table dispatch
                loads = {site[2][0] for site in table_sites(minsns)}
                for va, b, text, sect in minsns:
                    if va in loads:
                        continue
                    if sect != ".text":
                        continue
                    missed = state_needed(text) - said
                    if missed:
                        print("STATE at 0x%x `%s`: %s not reported (mutant "
                              "byte 0x%x)" % (va, text, " ".join(missed), pos))
                        errors += 1
                    why = oracle(text)
                    if why:
                        print("ORACLE at 0x%x `%s`: %s (mutant byte 0x%x)" %
                              (va, text, why, pos))
                        errors += 1
        print("random: %d mutants, %d accepted, verdicts identical with and "
              "without the fast path and cache, and with --crosscheck" %
              (a.random, accepted))
        headers = [0, 64, len(data) - 4096]  # ELF header, phdrs, shdrs...
        for i in range(a.file):
            pos = max(0, rng.choice(headers)) + rng.randrange(4096)
            pos = min(pos, len(data) - 8)
            n = rng.choice([1, 2, 8])
            patch = {pos: bytes(rng.randrange(256) for _ in range(n))}
            open(mut, "wb").write(apply(data, patch))
            rc, out = verify(a.verify, mut)
            rc2, out2 = verify(a.verify, mut, no_cache=True)
            if rc not in (0, 1) or rc != rc2 or out != out2:
                print("FILE MUTANT crash or mismatch at 0x%x: %d %s / %d %s"
                      % (pos, rc, out, rc2, out2))
                errors += 1
        print("file: %d mutants, no crash" % a.file)
    print("%d errors" % errors)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
