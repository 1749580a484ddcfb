# regleak.s: dump() stores %zmm0..%zmm31 and %k0..%k7 as the sandbox finds
# them on entry into a buffer in its region and returns the buffer's
# address. sfi__enter (enter.S) loads the argument registers with legacy-SSE
# movq and clears xmm8-15 with legacy-SSE pxor, which keep bits 128-511, and
# never touches zmm16-31 or the mask registers: whatever the host's AVX-512
# code (glibc's EVEX memcpy/strlen use ymm16-31) left there is readable.
        .text
        .p2align 4, 0xcc
        .globl dump
        .type dump,@function
dump:
        leaq buf(%rip), %rax
        .irp r, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        vmovdqu64 %zmm\r, %gs:64*\r(%eax)
        .endr
        .irp k, 0,1,2,3,4,5,6,7
        kmovq %k\k, %gs:2048+8*\k(%eax)
        .endr
        ret

        .bss
        .p2align 6
buf:    .zero 2048 + 64

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
