#!/usr/bin/env python3
"""bigro_patch.py IN OUT: turns PT_GNU_STACK into a read-only PT_LOAD of
768 MiB memsz and no file bytes, after the last segment."""
import struct, sys
d = bytearray(open(sys.argv[1], "rb").read())
phoff, = struct.unpack_from("<Q", d, 0x20)
phnum, = struct.unpack_from("<H", d, 0x38)
end = 0
for i in range(phnum):
    typ, fl, off, va, pa, fs, ms, al = struct.unpack_from("<IIQQQQQQ", d, phoff + 56 * i)
    if typ == 1:
        end = max(end, va + ms)
    if typ == 0x6474e551:
        stack = i
va = (end + 0x1fff) & ~0xfff
struct.pack_into("<IIQQQQQQ", d, phoff + 56 * stack, 1, 4, 0, va, va, 0,
                 768 << 20, 0x1000)
open(sys.argv[2], "wb").write(d)
print("bigro at 0x%x" % va)
