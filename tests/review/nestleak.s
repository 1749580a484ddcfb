# nestleak.s (review4): dead native-stack frames of one instance read by
# another through a NESTED call, and by the same instance after
# sfi_instance_reset. keep(secret) spills the secret over a 4 KiB native
# frame (the victim); callout() calls the granted import host_nest, in
# which the host calls keep() in ANOTHER instance (a nested call, which
# runs on the same thread native stack right below the import's frames)
# and stores %zmm16 as the import left it into buf;
# peekbig(buf) grows a 60 KiB frame from the top of the native stack and
# copies every word of it, uninitialised, into its own region.
# The runtime drops the native stack only when the next OUTERMOST call
# enters a different instance (call.c t->last_uid): never for nested calls
# and never across sfi_instance_reset (same uid).
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
        .globl callout
        .type callout,@function
callout:
        subq $24, %rsp
        movq %rdi, 0(%rsp)
        call *host_nest@GOTPCREL(%rip)
        movq 0(%rsp), %rdi
        vmovdqu64 %zmm16, %gs:(%edi)
        addq $24, %rsp
        ret

        .p2align 4, 0xcc
        .globl peekbig
        .type peekbig,@function
peekbig:
        subq $61440, %rsp
        .set n, 0
        .rept 7680
        movq n(%rsp), %rax
        movq %rax, %gs:n(%edi)
        .set n, n + 8
        .endr
        addq $61440, %rsp
        ret

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
