# x87frame.s: a module without x87/MMX and without AVX-512 instructions
# (the verifier says so) for x87frame_host. scan(ak, bk, ck, iters) reads
# its own native stack below %rsp (sandbox memory; C locals would be on the
# separate data stack) for three 64-bit values, passed XORed with K so that
# none of them is in this module's registers or memory (a signal frame
# holds the interrupted registers too). Since 75bd0a3 the transitions leave
# the host's x87 data registers and zmm16-31/k0-7 in place for such a
# module ("it can neither read this state nor change it"); a host signal
# handler without SA_ONSTACK (as x87sig_host's, test_boundary's) is
# delivered on the sandbox's native stack, and the kernel's frame there is
# an XSAVE image of the interrupted state: the host's x87 registers and
# zmm16-31/k. Bits 0-2 of the result: which values were found; bits 8 and
# up: how many 8-byte words below rsp hold a host pointer (a canonical user
# address outside the region: the frame's sa_restorer, libc's
# __restore_rt); sample() returns the first.
        .text
        .p2align 4, 0xcc
        .globl scan
        .type scan,@function
scan:                                   # ak, bk, ck, iters
        pushq   %rbx
        pushq   %rbp
        movabsq $0x5a5a5a5a5a5a5a5a, %r8
        movq    %rsp, %rbp
        shrq    $32, %rbp               # the region's upper half
        xorl    %eax, %eax
1:      movl    $100000, %r9d           # spin with rsp here: the
0:      decl    %r9d                    # signal most likely comes now
        jnz     0b
        xorl    %r10d, %r10d            # host pointers seen (this pass)
        subq    $4096, %rsp             # what was below rsp, in 2 steps
        subq    $4096, %rsp             # (the verifier's frame rule)
        .set    off, 0
        .rept   1008                    # [rsp-8192, rsp-128)
        movq    off(%rsp), %r11
        call    check
        .set    off, off + 8
        .endr
        addq    $8192, %rsp
        cmpl    $7, %eax
        je      7f
        decq    %rcx
        jnz     1b
7:      shlq    $8, %r10
        orq     %r10, %rax
        popq    %rbp
        popq    %rbx
        ret
        .size scan, .-scan

        .p2align 4, 0xcc
        .type check,@function
check:  # r11: a word from below the caller's rsp
        # a host pointer? 2^32 <= v < 2^47, upper half not the region's
        movq    %r11, %rbx
        shrq    $32, %rbx
        jz      3f
        cmpq    $0x8000, %rbx
        jae     3f
        cmpq    %rbp, %rbx
        je      3f
        incl    %r10d
        leaq    sample_v(%rip), %rbx
        cmpq    $0, %gs:(%ebx)
        jne     3f
        movq    %r11, %gs:(%ebx)
3:      xorq    %r8, %r11
        cmpq    %rdi, %r11
        jne     4f
        orl     $1, %eax
4:      cmpq    %rsi, %r11
        jne     5f
        orl     $2, %eax
5:      cmpq    %rdx, %r11
        jne     6f
        orl     $4, %eax
6:      ret

        .p2align 4, 0xcc
        .globl sample
        .type sample,@function
sample:
        leaq    sample_v(%rip), %rax
        movq    %gs:(%eax), %rax
        ret

        .bss
        .p2align 6
sample_v: .zero 8
        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
