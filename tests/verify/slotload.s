# slotload.s: rule "branch"/"memory"/"indirect" for the loading form of the
# branch-slot jump (issue 14):
#   and $N-1,%eI; lea slots+5(%rip),%S; lea (%S,%rI,8),%S;
#   movslq -4(%S),%R; add %S,%R; jmp *%R
# which jumps where slot I's `jmp rel32` would go. Every slot must be a
# 5-byte jmp rel32 (e9) to an instruction of the same function; the flat
# read is allowed only inside that sequence. Slots are written as bytes so
# that the assembler cannot shorten them to jmp rel8.

#= pass slotload
FUNC f
        pushq %rbx
        andl $3, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
.La:    popq %rbx
        ret
.Lb:    movl $1, %eax
        popq %rbx
        ret
.Lt:    ud2
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .Lb - . - 4
        .p2align 3
        .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .Lt - . - 4

#= pass slotload-index-is-jump-register
FUNC f
        andl $1, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rdi
        addq %rdx, %rdi
        jmpq *%rdi
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .La - . - 4

#= pass slotload-stores-only stores-only
FUNC f
        andl $1, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .La - . - 4

#= pass slot-read-stores-only-elsewhere stores-only
FUNC f
        movslq -4(%rdi), %rax
        ret

#= fail memory slot-read-outside-the-sequence
FUNC f
        movslq -4(%rdi), %rax
        ret

#= fail memory slot-read-before-a-plain-jump
FUNC f
        andl $1, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        ret
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .La - . - 4

#= fail memory slot-read-misaligned
FUNC f
        andl $1, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -3(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .La - . - 4

#= fail branch slotload-slot-not-a-jump
FUNC f
        andl $1, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        ret

#= fail branch slotload-trap-slot
FUNC f
        andl $1, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        ud2

#= fail branch slotload-short-jump-slot
FUNC f
        andl $1, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xeb
        .byte .La - . - 1

#= fail branch slotload-slot-jumps-to-other-function
FUNC g
        ret
FUNC f
        andl $1, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long g - . - 4

#= fail branch slotload-slot-jumps-inside-instruction
FUNC f
        andl $1, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
.La:    movabsq $0x1122334455667788, %rax
        ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .La + 2 - . - 4

#= fail branch slotload-slot-jumps-into-the-sequence
FUNC f
        andl $1, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
.Lin:   movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .Lin - . - 4

#= fail branch slotload-slots-past-function-end
FUNC f
        andl $3, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .La - . - 4
FUNC g
        ret

#= fail branch slotload-slots-in-other-function
FUNC g
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .La - . - 4
FUNC f
        andl $1, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax

#= fail branch slotload-slots-off-by-one
FUNC f
        andl $1, %edi
        leaq .Ls+4(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .La - . - 4

#= fail indirect slotload-without-and
FUNC f
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .La - . - 4

#= fail indirect slotload-masked-other-register
FUNC f
        andl $1, %esi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .La - . - 4

#= fail indirect slotload-jump-register-is-slot-register
FUNC f
        andl $1, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rdx
        addq %rdx, %rdx
        jmpq *%rdx
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .La - . - 4

#= fail indirect slotload-add-other-register
FUNC f
        andl $1, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rcx, %rax
        jmpq *%rax
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .La - . - 4

#= fail indirect slotload-index-not-masked-register
FUNC f
        andl $1, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rsi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .La - . - 4

#= fail branch slotload-jump-past-the-and
FUNC f
        testl %esi, %esi
        jne .Lin
        andl $1, %edi
.Lin:   leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .La - . - 4

#= fail branch slotload-shares-a-table-of-ret-slots
FUNC f
        testl %esi, %esi
        jne .Lload
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
.Lload: andl $1, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail stack slotload-target-reached-with-two-offsets
FUNC f
        pushq %rbx
        andl $1, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
.La:    popq %rbx
        ret
.Lb:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .Lb - . - 4

#= pass slotload-and-plain-jump-share-jmp-slots
FUNC f
        testl %esi, %esi
        jne .Lload
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
.Lload: andl $1, %edi
        leaq .Ls+5(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        movslq -4(%rdx), %rax
        addq %rdx, %rax
        jmpq *%rax
.La:    ret
        .p2align 3
.Ls:    .byte 0xe9
        .long .La - . - 4
        .p2align 3
        .byte 0xe9
        .long .La - . - 4
