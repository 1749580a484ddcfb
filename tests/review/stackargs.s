# stackargs.s: attack() tail-jumps (at %rsp offset 0, as the verifier
# allows) to a granted host import with seven integer parameters. Entered
# straight from sfi_call, the import's seventh argument slot [rsp+8] is the
# first byte above the sandbox native stack (unmapped): the host function
# faults in host code and the host dies (see stackargs_host.c).
        .text
        .p2align 4, 0xcc
        .globl attack
        .type attack,@function
attack:
        jmp *host7@GOTPCREL(%rip)

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
