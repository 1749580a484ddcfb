# table.s: rule "jump-table" (the sfi_jt table and its entries).

#= pass entries-jmp-trap-int3
FUNC f
        ret
FUNC g
        ret
        JT f
        JT g
        .pushsection sfi_jt,"ax",@progbits
        .fill 16, 1, 0xcc
        .popsection

#= pass callback-entry-through-slot
FUNC f
        ret
        .pushsection sfi_jt,"ax",@progbits
        jmp *imp@GOTPCREL(%rip)
        .p2align 4, 0xcc
        .popsection

#= fail jump-table size-not-power-of-two jt=48
FUNC f
        ret
        JT f

#= fail jump-table entry-not-a-jump
FUNC f
        ret
        .pushsection sfi_jt,"ax",@progbits
        movl $1, %eax
        .p2align 4, 0xcc
        .popsection

#= fail jump-table entry-to-middle-of-function
FUNC f
        nop
        ret
        .pushsection sfi_jt,"ax",@progbits
        jmp f+1
        .p2align 4, 0xcc
        .popsection

#= fail jump-table entry-bad-padding
FUNC f
        ret
        .pushsection sfi_jt,"ax",@progbits
        jmp f
        .p2align 4, 0x90
        .popsection

#= fail jump-table entry-through-non-import-slot
FUNC f
        ret
        .pushsection sfi_jt,"ax",@progbits
        jmp *data(%rip)
        .p2align 4, 0xcc
        .popsection
        .data
data:   .quad 0

#= fail jump-table entry-into-table
FUNC f
        ret
        .pushsection sfi_jt,"ax",@progbits
        jmp __start_sfi_jt
        .p2align 4, 0xcc
        .popsection
