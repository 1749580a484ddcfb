/* reg_clobber_asm.S: long attack(u64 target, long how), returning 0x4242
 * (or probe_imports()'s answer) with rbx = target - 200 (where the call
 * record's result slot would be if the host trusted rbx) and rbp, r12-r15 =
 * target. `how` adds: 1 DF set (std), 2 MXCSR with every exception unmasked
 * and rounding up, 4 x87 CW with every exception unmasked, single precision
 * and truncation, 8 AC set, 16 TF set just before the return, 32 call
 * imports in that state, 64 (with 32) AC set before calling them. Memory
 * operands stay in its own native frame. The code has the version-2 shape,
 * so the loader's verifier accepts it and the transitions are what is
 * tested; AC and TF (bits 8, 16, 64) would need popf, which the verifier
 * forbids, so those bits only run the rest of the attack. */
        .text
        .globl  attack
        .type   attack,@function
        .p2align 4
attack:
        sub     $8, %rsp                /* one slot; rsp 16-aligned */
        mov     %rdi, %r8
        mov     %rsi, %r9
        mov     $0x4242, %r10d
        test    $2, %r9b
        jz      1f
        movl    $0x4000, (%rsp)
        ldmxcsr (%rsp)
1:      test    $4, %r9b
        jz      2f
        movw    $0x0c40, (%rsp)
        fldcw   (%rsp)
2:      test    $1, %r9b
        jz      3f
        std
3:      test    $32, %r9b
        jz      4f
        push    %r8
        push    %r9                     /* rsp 16-aligned again */
        call    probe_imports
        pop     %r9
        pop     %r8
        mov     %rax, %r10
4:      mov     %r8, %rbx
        sub     $200, %rbx
        mov     %r8, %rbp
        mov     %r8, %r12
        mov     %r8, %r13
        mov     %r8, %r14
        mov     %r8, %r15
        mov     %r10, %rax
        add     $8, %rsp
        ret
        .size   attack, .-attack

        .section .note.GNU-stack,"",@progbits
