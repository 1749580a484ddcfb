#!/usr/bin/env python3
"""manyundefs_gen.py N OUT.s: a module referencing N undefined functions
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
    f.write("""        .section .note.sfi,"a",@note
        .p2align 2
        .long 8, 16, 0x53464931
        .asciz "libsfi"
        .byte 0
        .long 1, 1, 1, 1
        .section .note.GNU-stack,"",@progbits
""")
