# hidden-member.py: writes an ar archive whose symbol table points the
# linker at a second member named "/" (the symbol table's own name), which
# holds an object without the marker. sfi-cc's check used to skip every
# member named "/" (lld 22 does not link this one, but the check should not
# depend on that): only the first member may be the symbol table.
# usage: python3 hidden-member.py OBJECT SYMBOL OUT.a
import struct
import sys

obj = open(sys.argv[1], "rb").read()
sym = sys.argv[2].encode() + b"\0"


def header(name, size):
    return b"%-16s%-12s%-6s%-6s%-8s%-10d`\n" % (name, b"0", b"0", b"0",
                                                 b"644", size)


symtab_size = 4 + 4 + len(sym)
pad = symtab_size & 1
member_off = 8 + 60 + symtab_size + pad
symtab = struct.pack(">II", 1, member_off) + sym
out = b"!<arch>\n" + header(b"/", symtab_size) + symtab + b"\n" * pad
out += header(b"/", len(obj)) + obj + b"\n" * (len(obj) & 1)
open(sys.argv[3], "wb").write(out)
