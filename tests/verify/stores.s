# stores.s: stores-only mode (rule "memory", d): only written operands are
# confined; reads may use any form but %fs:.

#= pass read-host-memory stores-only
FUNC f
        movq (%rdi), %rax
        movq 8(%rdi,%rsi,8), %rcx
        addq (%rdx), %rax
        movq %gs:(%rdi), %rcx
        movq 0x1000, %rax
        ret

#= fail memory store-host-memory stores-only
FUNC f
        movq %rax, (%rdi)
        ret

#= fail memory read-modify-write-host stores-only
FUNC f
        addq %rax, (%rdi)
        ret

#= fail memory atomic-host stores-only
FUNC f
        lock cmpxchgq %rcx, (%rdx)
        ret

#= fail memory read-fs stores-only
FUNC f
        movq %fs:0x28, %rax
        ret

#= pass store-gs-32 stores-only
FUNC f
        movq %rax, %gs:(%edi)
        movq %rax, data(%rip)
        ret
        .data
data:   .quad 0

#= fail memory read-host-memory-full-mode
FUNC f
        movq (%rdi), %rax
        ret
