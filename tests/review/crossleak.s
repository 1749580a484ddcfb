# crossleak.s: two instances of this module run one after the other on the
# same host thread. keep(secret) spills the secret over 4 KiB of its native
# frame and into %zmm16, then returns; peek(buf), run in ANOTHER instance,
# grows its frame over the same (dead, never cleared) native stack and
# copies it and %zmm16 into its own region. Nothing scrubs the shared
# native stack or the vector registers between calls.
        .text
        .p2align 4, 0xcc
        .globl keep
        .type keep,@function
keep:
        subq $4096, %rsp
        .set n, 0
        .rept 512
        movq %rdi, n(%rsp)
        .set n, n + 8
        .endr
        vpbroadcastq %rdi, %zmm16
        addq $4096, %rsp
        ret

        .p2align 4, 0xcc
        .globl peek
        .type peek,@function
peek:
        subq $4096, %rsp
        .set n, 0
        .rept 512
        movq n(%rsp), %rax
        movq %rax, %gs:n(%edi)
        .set n, n + 8
        .endr
        vmovdqu64 %zmm16, %gs:4096(%edi)
        addq $4096, %rsp
        ret

# The same over a 48 KiB frame, one word every 64 bytes: the runtime clears
# the top of the native stack in place and drops the rest, so the secret
# must be gone on both sides of that boundary.
        .p2align 4, 0xcc
        .globl keepdeep
        .type keepdeep,@function
keepdeep:
        subq $49152, %rsp
        .set n, 0
        .rept 768
        movq %rdi, n(%rsp)
        .set n, n + 64
        .endr
        addq $49152, %rsp
        ret

        .p2align 4, 0xcc
        .globl peekdeep
        .type peekdeep,@function
peekdeep:
        subq $49152, %rsp
        .set n, 0
        .rept 768
        movq n(%rsp), %rax
        movq %rax, %gs:n/8(%edi)
        .set n, n + 64
        .endr
        addq $49152, %rsp
        ret

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
