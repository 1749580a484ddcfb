# bignop.s: one function of 16 MiB of one-byte nops. The verifier keeps a
# 40-byte struct vinsn (plus a 4-byte work slot) per instruction of a unit,
# grown by doubling: loading this 16 MiB module costs ~700 MB of host
# memory; a 512 MiB module (FILE_MAX is 1 GiB) ~22 GB, enough to have the
# host OOM-killed on this 23 GB machine (see bignop_host.c).
        .text
        .p2align 4, 0xcc
        .globl ping
        .type ping,@function
ping:
        .fill 16777216, 1, 0x90
        movl $42, %eax
        ret
        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
