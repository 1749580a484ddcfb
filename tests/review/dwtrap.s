# dwtrap.s (review4): boom() faults in its own region (the unmapped first
# MiB); assembled with -g so the module has .debug_line and the runtime
# keeps its DWARF for trap messages (dwranges_patch.py replaces the rest).
        .text
        .p2align 4, 0xcc
        .globl boom
        .type boom,@function
boom:
        movl $16, %edi
        movl $1, %gs:(%edi)
        ret

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
