#!/usr/bin/env python3
"""xonly_patch.py IN OUT: the executable PT_LOAD loses PF_R (execute-only)."""
import struct, sys
d = bytearray(open(sys.argv[1], "rb").read())
phoff, = struct.unpack_from("<Q", d, 0x20)
phnum, = struct.unpack_from("<H", d, 0x38)
for i in range(phnum):
    at = phoff + 56 * i
    typ, flags = struct.unpack_from("<II", d, at)
    if typ == 1 and flags & 1:
        struct.pack_into("<I", d, at + 4, 1)  # PF_X only
open(sys.argv[2], "wb").write(d)
