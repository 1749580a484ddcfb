# xonly_ud.s: attack() is a single ud2. Linked normally it traps and the
# host gets SFI_TRAP_ILLEGAL; with xonly_ud_patch (= xonly_patch.py, code
# segment execute-only) the trap handler (trap.c pass_check, after_call)
# reads the code bytes and faults inside the signal handler: host killed.
        .text
        .p2align 4, 0xcc
        .globl attack
        .type attack,@function
attack:
        ud2
        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
