# midexport.s: a module with an exported NOTYPE symbol `attack` that points
# into the middle of holder's movabs immediate (a 16-aligned address is not
# needed here). The verifier only knows STT_FUNC symbols of .symtab as
# function starts, but sfi_call/sfi_lookup/sfi_call_addr accept any export
# of .dynsym that lies in an executable segment (call.c is_export_fn), and
# sfi_run_main (__sfi_start) and sfi_malloc/sfi_free ("malloc"/"free") call
# exports without any check.
        .text
        .p2align 4, 0xcc
        .globl holder
        .type holder,@function
holder:
        .byte 0x48, 0xb8                # movabs $imm64, %rax
        .globl attack
        .type attack,@object            # not STT_FUNC: the verifier
attack:                                 # does not cut a unit here
        .byte 0x48, 0x89, 0x37, 0xc3    # mov %rsi,(%rdi); ret
        .byte 0xcc, 0xcc, 0xcc, 0xcc
        ret
        .p2align 4, 0xcc
        .globl ping
        .type ping,@function
ping:
        movl $42, %eax
        ret

        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
