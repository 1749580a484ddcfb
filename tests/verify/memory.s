# memory.s: rule "memory" (every explicit memory operand is %gs: with 32-bit
# registers, disp(%rsp) inside the frame, or disp(%rip) inside the image).

#= pass gs-32bit-regs
FUNC f
        movq %gs:16(%edi,%esi,8), %rax
        movl %eax, %gs:(%ecx)
        addl $1, %gs:0x1000(%eax)
        movl %gs:0x1000(,%eax,4), %eax
        vmovdqu %ymm0, %gs:-32(%edx)
        ret

#= fail memory gs-64bit-regs
FUNC f
        movq %gs:16(%rdi,%rsi,8), %rax
        ret

#= fail memory gs-64bit-base-store
FUNC f
        movq %rax, %gs:(%rdi)
        ret

#= fail memory plain-64bit-base
FUNC f
        movq (%rdi), %rax
        ret

#= fail memory plain-32bit-base-no-gs
FUNC f
        movl (%edi), %eax
        ret

#= fail memory fs-operand
FUNC f
        movq %fs:0x28, %rax
        ret

#= fail memory fs-32bit
FUNC f
        movl %fs:(%eax), %eax
        ret

#= fail memory gs-eip-base
FUNC f
        movl %gs:8(%eip), %eax
        ret

#= fail memory rbp-frame
FUNC f
        movq -8(%rbp), %rax
        ret

#= fail memory absolute-address
FUNC f
        movq 0x1000, %rax
        ret

#= pass rip-inside-image
FUNC f
        movq data(%rip), %rax
        leaq data(%rip), %rcx
        ret
        .data
data:   .quad 1

#= fail memory rip-outside-image
FUNC f
        movq .+0x10000000(%rip), %rax
        ret

#= fail memory gs-absolute-without-0x67
FUNC f
        addl $1, %gs:0x1000
        ret

#= fail memory rip-straddles-image-end
FUNC f
        movq data+8(%rip), %rax
        ret
        .data
        .p2align 12
        .zero 4088
data:   .quad 1

#= fail memory absolute-with-index
FUNC f
        movq data(%rip), %rax
        movq 16(,%rcx,8), %rax
        ret
        .data
data:   .quad 1

#= pass lea-any-form
FUNC f
        leaq (%rdi,%rsi,8), %rax
        leaq -8(%rbp), %rax
        leal 4(%eax,%ecx), %edx
        leaq %fs:(%rax), %rax
        ret

#= pass nops-with-memory-forms
FUNC f
        nop
        nopw 0(%rax,%rax,1)
        nopl 0(%rax)
        .byte 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00
        ret

#= fail forbidden hint-nop-space-not-canonical
FUNC f
        .byte 0x0f, 0x19, 0x00
        ret

#= pass prefetch-and-clflush-gs
FUNC f
        prefetcht0 %gs:(%eax)
        clflush %gs:64(%eax)
        ret

#= fail memory prefetch-plain
FUNC f
        prefetcht0 (%rax)
        ret

#= fail memory clflush-plain
FUNC f
        clflush (%rax)
        ret

#= pass ud1-trap-operand
FUNC f
        ud1 0x51(%eax), %eax
        int3

#= pass atomics-gs
FUNC f
        lock cmpxchgq %rcx, %gs:(%edx)
        lock xaddl %eax, %gs:(%ebx)
        xchgl %eax, %gs:(%ebx)
        ret

#= fail memory atomic-plain
FUNC f
        lock xaddl %eax, (%rbx)
        ret

#= fail memory es-override-on-gs-like
FUNC f
        movl %es:(%eax), %eax
        ret
