/* mmx_state_asm.S: long attack(u64 a, long b) and long attack_late(u64 a,
 * long b): a + b bytewise in MMX registers (no emms: every x87 register
 * stays tagged in use), then after_mmx(sum), which calls an import doing
 * long double math; attack_late calls six imports first (warm_imports)
 * and adds its verdict. Memory operands stay in the own native frame, so
 * the loader's verifier accepts the module. */
        .text
        .globl  attack
        .type   attack,@function
        .p2align 4
attack:
        sub     $8, %rsp                /* rsp 16-aligned */
        movq    %rdi, %mm0
        movq    %rsi, %mm1
        paddb   %mm1, %mm0
        movq    %mm0, %rdi
        call    after_mmx
        add     $8, %rsp
        ret
        .size   attack, .-attack

        .globl  attack_late
        .type   attack_late,@function
        .p2align 4
attack_late:
        sub     $24, %rsp               /* rsp 16-aligned */
        mov     %rdi, (%rsp)
        mov     %rsi, 8(%rsp)
        call    warm_imports
        mov     %rax, 16(%rsp)
        mov     (%rsp), %rdi
        mov     8(%rsp), %rsi
        movq    %rdi, %mm0
        movq    %rsi, %mm1
        paddb   %mm1, %mm0
        movq    %mm0, %rdi
        call    after_mmx
        add     16(%rsp), %rax
        add     $24, %rsp
        ret
        .size   attack_late, .-attack_late

        .section .note.GNU-stack,"",@progbits
