#!/usr/bin/env python3
"""noneseg_patch.py IN OUT: sets p_flags of the first PT_LOAD to 0."""
import struct, sys
d = bytearray(open(sys.argv[1], "rb").read())
phoff, = struct.unpack_from("<Q", d, 0x20)
phnum, = struct.unpack_from("<H", d, 0x38)
for i in range(phnum):
    at = phoff + 56 * i
    typ, flags = struct.unpack_from("<II", d, at)
    if typ == 1:
        assert not flags & 1, "first PT_LOAD is executable"
        struct.pack_into("<I", d, at + 4, 0)
        break
open(sys.argv[2], "wb").write(d)
