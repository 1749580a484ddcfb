# slots.s: rule "branch"/"indirect" for jumps inside a function (switch
# tables, computed goto): and $N-1,%eI; lea slots(%rip),%S;
# lea (%S,%rI,8),%R; jmp *%R into N 8-byte slots of the same function.

#= pass branch-slots
FUNC f
        pushq %rbx
        andl $3, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
.La:    popq %rbx
        ret
.Lb:    movl $1, %eax
        popq %rbx
        ret
        .p2align 3
.Ls:    jmp .La
        .p2align 3
        jmp .Lb
        .p2align 3
        jmp .La
        .p2align 3
        ud2

#= pass branch-slots-index-is-target
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdi
        jmpq *%rdi
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= pass branch-slots-rbp-base
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rbp
        leaq (%rbp,%rdi,8), %rdi
        jmpq *%rdi
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect slots-without-and
FUNC f
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect slots-mask-not-power-of-two-minus-one
FUNC f
        andl $2, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret
        .p2align 3
        ret

#= fail indirect slots-mask-too-large
FUNC f
        andl $0x1ffff, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
.Ls:    ret

#= fail indirect slots-index-is-base
FUNC f
        andl $1, %edx
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdx,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect slots-masked-other-register
FUNC f
        andl $1, %esi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect slots-wrong-scale
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,4), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect slots-jump-other-register
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rcx
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect slots-sequence-interrupted
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        movl %esi, %edi
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail branch slots-past-function-end
FUNC f
        andl $3, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret
FUNC g
        ret

#= fail branch slots-into-other-function
FUNC g
        .p2align 3
.Ls:    ret
        .p2align 3
        ret
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax

#= fail branch slot-inside-instruction
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    movabsq $0x1122334455667788, %rax
        ret

#= fail branch slot-inside-the-sequence
FUNC f
        .p2align 3
.Ls:    andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax

#= fail branch jump-past-the-and
FUNC f
        testl %esi, %esi
        jne .Lin
        andl $1, %edi
.Lin:   leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail stack slot-reached-with-two-offsets
FUNC f
        pushq %rbx
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    popq %rbx
        ret
        .p2align 3
        ret

#= fail branch slots-into-the-jump-table
FUNC f
        andl $1, %edi
        leaq __start_sfi_jt(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        JT f

#= fail branch slot-on-the-masked-lea
FUNC f
        .p2align 3
.Ls:    nopl 0x10(%rax,%rax,1)
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax

# ---- review3 (adversarial review of the branch-slot jumps) ----

#= fail branch r3-slot-on-confinement-jmp
FUNC f
        andl $0, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        leaq __start_sfi_jt(%rip), %rcx
        subq %rcx, %rsi
        andl $0xf0, %esi
        addq %rcx, %rsi
.Ls:    jmpq *%rsi
        JT f

#= fail branch r3-slot-on-confinement-and
FUNC f
        andl $0, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        leaq __start_sfi_jt(%rip), %rcx
        subq %rcx, %rsi
.Ls:    andl $0xf0, %esi
        addq %rcx, %rsi
        jmpq *%rsi
        JT f

#= fail branch r3-slot-on-confinement-add
FUNC f
        andl $0, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        leaq __start_sfi_jt(%rip), %rcx
        subq %rcx, %rsi
        andl $0xf0, %esi
.Ls:    addq %rcx, %rsi
        callq *%rsi
        ret
        JT f

#= pass r3-slot-on-confinement-lea
FUNC f
        andl $0, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
.Ls:    leaq __start_sfi_jt(%rip), %rcx
        subq %rcx, %rsi
        andl $0xf0, %esi
        addq %rcx, %rsi
        jmpq *%rsi
        JT f

#= fail branch r3-slot-on-other-table-jump
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
        nop
        nop
        andl $1, %esi
.Ls:    leaq .Ls(%rip), %rcx
        leaq (%rcx,%rsi,8), %rcx
        jmpq *%rcx
        .p2align 3
        ret

#= fail branch r3-slot-on-own-jmp
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
.Ls:    jmpq *%rax
        ret

#= pass r3-slot-on-own-and
FUNC f
.Ls:    andl $0, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax

#= pass r3-one-slot
FUNC f
        andl $0, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret

#= pass r3-R-is-T
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rdx
        jmpq *%rdx
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= pass r3-slots-in-int3-padding
FUNC f
        andl $3, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .fill 31, 1, 0xcc

#= fail indirect r3-and-16bit
FUNC f
        andw $1, %di
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect r3-and-8bit
FUNC f
        andb $1, %dil
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect r3-and-high-byte
FUNC f
        andb $1, %ah
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rax,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail stack r3-and-esp
FUNC f
        andl $1, %esp
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail decode r3-and-lock
FUNC f
        .byte 0xf0, 0x83, 0xe7, 0x01   # lock andl $1, %edi (#UD)
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect r3-and-66-rexw
FUNC f
        .byte 0x66, 0x48, 0x83, 0xe7, 0x01   # andq $1, %rdi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect r3-and-imm8-sign-extended
FUNC f
        .byte 0x83, 0xe7, 0xff       # andl $-1, %edi: 2^32 slots
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail branch r3-and-imm8-127
FUNC f
        .byte 0x83, 0xe7, 0x7f       # andl $127, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect r3-and-imm32-high-bit
FUNC f
        andl $0x80000001, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect r3-and-other-subregister
FUNC f
        andl $1, %r15d
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect r3-slots-lea-32bit-address
FUNC f
        andl $1, %edi
        .byte 0x67
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect r3-scaled-lea-32bit-address
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%edx,%edi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect r3-scaled-lea-32bit-dest
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leal (%rdx,%rdi,8), %eax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect r3-slots-lea-32bit-dest
FUNC f
        andl $1, %edi
        leal .Ls(%rip), %edx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

# lea computes no memory access: a segment prefix changes nothing
#= pass r3-scaled-lea-gs
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq %gs:(%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect r3-base-index-swapped
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdi,%rdx,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect r3-scale-2
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,2), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect r3-scaled-lea-displacement
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq 8(%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret
FUNC g
        ret

#= fail indirect r3-scaled-lea-rip-base
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        addq %rdx, %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect r3-slots-base-not-lea
FUNC f
        andl $1, %edi
        movq %rsi, %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail indirect r3-push-between-and-and-lea
FUNC f
        andl $1, %edi
        pushq %rdi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    popq %rdi
        ret
        .p2align 3
        popq %rdi
        ret

#= fail indirect r3-call-through-slots
FUNC f
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        callq *%rax
        ret
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail stack r3-slot-also-reached-by-fallthrough
FUNC f
        testl %esi, %esi
        je .Ls
        pushq %rbx
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        popq %rbx
        ret

#= fail stack r3-slot-jumps-to-other-function-with-frame
FUNC g
        ret
FUNC f
        pushq %rbx
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    jmp g
        .p2align 3
        popq %rbx
        ret

#= fail memory r3-slot-rsp-operand-above-frame
FUNC f
        andl $0, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
.Ls:    movq $0, 8(%rsp)
        ret

#= fail indirect r3-sequence-split-across-functions
FUNC g
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        andl $1, %edi
FUNC f
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail branch r3-slots-cross-function-start
FUNC f
        andl $3, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 4
.Ls:    ret
        .p2align 3
        ret
        .globl h
        .type h,@function
h:      ret
        .p2align 3
        ret

#= fail branch r3-slots-below-function
FUNC f
        andl $1, %edi
        leaq .Ls-16(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail branch r3-slots-straddle-end-into-table
FUNC f
        andl $7, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret
        .p2align 3
        ret
        .p2align 3
        ret
        .section sfi_jt,"ax",@progbits

#= pass two-jumps-share-one-table
FUNC f
        testl %esi, %esi
        jne .Lb
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
.Lb:    andl $1, %ecx
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rcx,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret

#= fail branch one-table-two-sizes
FUNC f
        testl %esi, %esi
        jne .Lb
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
.Lb:    andl $3, %ecx
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rcx,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ret
        .p2align 3
        ret
        .p2align 3
        ret
        .p2align 3
        ret

#= fail stack one-table-two-offsets
FUNC f
        testl %esi, %esi
        jne .Lb
        andl $1, %edi
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rdi,8), %rax
        jmpq *%rax
.Lb:    pushq %rbx
        andl $1, %ecx
        leaq .Ls(%rip), %rdx
        leaq (%rdx,%rcx,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:    ud2
        .p2align 3
        ud2

#= fail branch overlapping-tables-exceed-the-function
FUNC f
        testl %esi, %esi
        jne .Lb
        testl %edx, %edx
        jne .Lc
        andl $7, %edi
        leaq .Ls(%rip), %r8
        leaq (%r8,%rdi,8), %rax
        jmpq *%rax
.Lb:    andl $7, %ecx
        leaq .Ls+8(%rip), %r8
        leaq (%r8,%rcx,8), %rax
        jmpq *%rax
.Lc:    andl $7, %ecx
        leaq .Ls+16(%rip), %r8
        leaq (%r8,%rcx,8), %rax
        jmpq *%rax
        .p2align 3
.Ls:
        .rept 10
        ud2
        .p2align 3
        .endr

#= pass slots-with-a-pushed-scratch-register
FUNC f
        pushq %rax
        andl $1, %edi
        leaq .Ls(%rip), %rax
        leaq (%rax,%rdi,8), %rcx
        jmpq *%rcx
.La:    ret
.Lb:    movl $1, %eax
        ret
        .p2align 3
.Ls:    popq %rax
        jmp .La
        .p2align 3
        popq %rax
        jmp .Lb

#= fail stack slots-after-a-push-without-the-pop
FUNC f
        pushq %rax
        andl $1, %edi
        leaq .Ls(%rip), %rax
        leaq (%rax,%rdi,8), %rcx
        jmpq *%rcx
.La:    ret
        .p2align 3
.Ls:    jmp .La
        .p2align 3
        jmp .La
