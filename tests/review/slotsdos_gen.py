#!/usr/bin/env python3
"""slotsdos_gen.py M OUT.s (review3; assembled with -I tests/review, for
marker.inc): one function `ping` (returns 42) with
a table of 65536 branch slots (512 KiB of int3, the largest N the verifier
allows) and M branch-slot jumps (`and $0xffff,%edi; lea slots(%rip),%rdx;
lea (%rdx,%rdi,8),%rax; jmp *%rax`, 19 bytes each, reachable through a
never-taken test) that all share it. verify.c checks every slot of every
jump twice (check_targets, then step: slot_target's binary search over the
unit's instructions each time): O(M x 65536 x log) for a module of
512 KiB + 23 M bytes. Measured here (2 shared cores): M = 1000, a 0.55 MB
module: 16 s of CPU (61 s wall) in sfi-verify; M = 50: 3.5 s in
sfi_module_load. The loader runs the same verifier, so ~16 ms of host CPU
per 19-byte jump: a 1 MB module ~8 min, 10 MB ~2.4 h, 100 MB ~1 day
(FILE_MAX is 1 GiB). The module is valid and harmless otherwise;
a correct verifier should visit each slot table once per %rsp offset
(or cap the slots per unit), not once per jump."""
import sys

m = int(sys.argv[1])
with open(sys.argv[2], "w") as f:
    f.write("""        .text
        .p2align 4, 0xcc
        .globl ping
        .type ping,@function
ping:
        xorl %esi, %esi
        .rept M_JUMPS
        testl %esi, %esi
        je 1f
        andl $0xffff, %edi
        leaq .Lslots(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
1:
        .endr
        movl $42, %eax
        ret
        .p2align 3
.Lslots:
        .fill 65536 * 8, 1, 0xcc
        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
""".replace("M_JUMPS", str(m)))
