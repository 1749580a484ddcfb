# cbstackargs.s: attack(fnptr) tail-jumps (at %rsp offset 0, through the
# confinement sequence) to the callback the host passed: a host function
# registered with seven integer parameters. Entered straight from sfi_call,
# the callback's seventh argument slot [rsp+8] is the first byte above the
# sandbox native stack (unmapped): the host function faults in host code and
# the host dies. The stackargs fix limits imports to register arguments
# (loader.c valid_sig); sfi_callback_new ("signature as for imports")
# checks only that the signature contains a ':'.
        .text
        .p2align 4, 0xcc
        .globl attack
        .type attack,@function
attack:
        movq %rdi, %rax
        leaq __start_sfi_jt(%rip), %r11
        subq %r11, %rax
        andl $__sfi_jt_mask, %eax
        addq %r11, %rax
        jmp *%rax

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
