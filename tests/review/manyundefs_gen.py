#!/usr/bin/env python3
"""manyundefs_gen.py N OUT.s: a module (assembled with -I tests/review, for
marker.inc) referencing N undefined functions
with long names that differ only at the end. The loader's check_symtab
(elf_check.c) calls is_import() for every undefined .symtab symbol, and
is_import() strcmp()s the name against every undefined .dynsym symbol in
turn: N^2/2 string compares before the module is refused (its imports are
not granted). SYM_MAX (2^20) symbols and FILE_MAX (1 GiB) allow hours."""
import sys

n = int(sys.argv[1])
prefix = "import_" + "x" * 200 + "_"
with open(sys.argv[2], "w") as f:
    f.write("""        .text
        .p2align 4, 0xcc
        .globl ping
        .type ping,@function
ping:
        movl $42, %eax
        ret
        .data
""")
    for i in range(n):
        f.write(f"        .quad {prefix}{i:07d}\n")
    f.write("""        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
""")
