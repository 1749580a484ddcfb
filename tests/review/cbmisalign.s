# cbmisalign.s: attack() calls callback slot 0 with a misaligned stack
# (%rsp offset 0 at the call: the thunk sees rsp % 16 == 0). The callback thunk's alignment check ends in
# ud2; the trap handler counts it as a sandbox trap only if the thunk's host
# page is registered in trap.c's thunk_ranges, which holds 4096 entries:
# with more live instances that made a callback, the SIGILL is chained to
# the default action and the host dies (cbmisalign_host.c).
        .text
        .p2align 4, 0xcc
        .globl attack
        .type attack,@function
attack:
        call *__sfi_cb_slots(%rip)
        ret

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
